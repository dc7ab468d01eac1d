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
        assertTrue(refused("domain: [\n").getMessage().contains("not valid YAML"));
    }

    @Test
    void aScenarioNotInTheFormatIsSetAsideWithItsLineAndTheOthersLoad() throws Exception {
        ScenarioFile file = loaded("domain: returns\nscenarios:\n  - name: late claim\n    given: {claim: {}}\n"
                + "  - name: a\n    given: {}\n    expect: {}\n    expected: {}\n"
                + "  - name: fine\n    given: {}\n    expect: {}\n");
        assertEquals(List.of("fine"), file.scenarios().stream().map(Scenario::name).toList());
        assertEquals(9, file.scenarios().get(0).line());
        assertEquals(2, file.unreadable().size());
        UnreadableScenario noExpect = file.unreadable().get(0);
        assertEquals(new UnreadableScenario("late claim", 3, "scenario 'late claim' needs 'expect', the expected decision"
                + " fields (or 'expectError: {status, field}' for a request that must be refused)"), noExpect);
        assertEquals(5, file.unreadable().get(1).line());
        assertTrue(file.unreadable().get(1).problem().contains("unknown key 'expected'"), file::toString);
    }

    @Test
    void yamlThatBreaksInsideOneScenarioLosesOnlyThatOne() throws Exception {
        ScenarioFile file = loaded("domain: returns\nscenarios:\n  - name: one\n    given: {}\n    expect: {}\n"
                + "  - name: two\n    given: {a: [}\n    expect: {}\n"
                + "  - name: three\n    given: {}\n    expect: {}\n");
        assertEquals(List.of("one", "three"), file.scenarios().stream().map(Scenario::name).toList());
        assertEquals(List.of(3, 9), file.scenarios().stream().map(Scenario::line).toList());
        UnreadableScenario two = file.unreadable().get(0);
        assertEquals("two", two.name());
        assertEquals(6, two.line());
        assertTrue(two.problem().startsWith("not valid YAML") && two.problem().contains("(line 7)"), two::toString);
    }

    private ScenarioFile loaded(String yaml) throws Exception {
        Path file = dir.resolve("mixed.yaml");
        Files.writeString(file, yaml);
        return ScenarioLoader.load(file, "scenarios/x/mixed.yaml");
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
