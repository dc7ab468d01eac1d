package smos.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario files that are not in the format are refused with the file and the scenario named. */
class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private ScenarioFileException refused(String yaml) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        return assertThrows(ScenarioFileException.class, () -> ScenarioLoader.load(file, "scenarios/x/bad.yaml"));
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThrows(ScenarioFileException.class, () -> ScenarioLoader.find(List.of(dir.resolve("missing"))));
    }

    @Test
    void anEmptyFolderHasNoFiles() {
        assertEquals(List.of(), ScenarioLoader.find(List.of(dir)));
    }

    @Test
    void shapeProblemsNameTheFileAndScenario() throws Exception {
        assertTrue(refused("domain: returns\nscenarios: []\n").getMessage().contains("non-empty 'scenarios'"));
        assertTrue(refused("scenarios:\n  - name: x\n").getMessage().contains("needs 'domain"));
        ScenarioFileException noExpect = refused("domain: returns\nscenarios:\n  - name: late claim\n    given: {claim: {}}\n");
        assertTrue(noExpect.getMessage().startsWith("scenarios/x/bad.yaml: scenario 'late claim' needs 'expect'"),
                noExpect.getMessage());
        assertTrue(refused("domain: returns\nscenarios:\n  - name: a\n    given: {}\n    expect: {}\n    expected: {}\n")
                .getMessage().contains("unknown key 'expected'"));
        assertTrue(refused("domain: [\n").getMessage().contains("not valid YAML"));
    }

    @Test
    void yamlNumbersStayExactDecimals() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "domain: returns\nscenarios:\n  - name: a\n    given: {p: 199.99}\n    expect: {fee: 30.00}\n");
        Scenario scenario = ScenarioLoader.load(file, "ok.yaml").scenarios().get(0);
        assertTrue(scenario.given().get("p").isBigDecimal());
        assertEquals("2026-10-01", ScenarioLoader.load(writeDate(), "d.yaml").scenarios().get(0).given().get("d").asText());
    }

    private Path writeDate() throws Exception {
        Path file = dir.resolve("d.yaml");
        Files.writeString(file, "domain: returns\nscenarios:\n  - name: a\n    given: {d: 2026-10-01}\n    expect: {}\n");
        return file;
    }
}
