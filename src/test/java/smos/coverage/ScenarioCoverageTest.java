package smos.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;
import smos.scenarios.ScenarioRunner;
import smos.service.DecisionService;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped scenarios fire every shipped rule and table row; a rule no scenario fires fails the
 * suite, named by its sheet, cell and rule name.
 */
class ScenarioCoverageTest {

    @Test
    void everyShippedRuleAndTableRowIsFiredByAScenario() {
        CoverageReport report = coverage(TestHomes.REPO, Services.shipped());
        assertTrue(report.domains().stream().allMatch(d -> d.rules().size() > 0), report::summary);
        assertTrue(report.complete(), () -> "no scenario fires these rules; add scenarios for them (expectations"
                + " worked out from the policy in docs/domains/):\n" + report.describeNotFired());
    }

    @Test
    void removingTheOnlyScenarioThatFiresARowLeavesThatRowUncoveredByName(@TempDir Path dir) throws Exception {
        Path home = TestHomes.copyOfShipped(dir);
        CoverageReport full = coverage(home, Services.load(home));
        RuleCoverage row = full.domains().stream().flatMap(d -> d.rules().stream())
                .filter(r -> r.tableRow() && r.firedBy().size() == 1).findFirst().orElseThrow();
        String[] scenario = row.firedBy().get(0).split(" :: ", 2);
        removeScenario(home.resolve(scenario[0]), scenario[1]);

        CoverageReport reduced = coverage(home, Services.load(home));

        assertFalse(reduced.complete());
        // the failure message of everyShippedRuleAndTableRowIsFiredByAScenario, on the reduced suite
        assertTrue(reduced.describeNotFired().contains(row.location() + " " + row.rule() + " (" + row.source() + ")"),
                reduced.describeNotFired());
        assertEquals(1, reduced.domains().stream().mapToLong(d -> d.notFired().size()).sum(), reduced::summary);
    }

    /** Runs every scenario under the home's scenarios/ folder and reports coverage of every domain. */
    static CoverageReport coverage(Path home, DecisionService service) {
        ScenarioRunner runner = new ScenarioRunner(service);
        CoverageCollector collector = new CoverageCollector();
        for (Path path : ScenarioLoader.find(List.of(home.resolve(ScenarioLoader.SCENARIOS_DIR)))) {
            ScenarioFile file = ScenarioLoader.load(path, home.relativize(path).toString());
            runner.run(file).forEach(collector::add);
        }
        DomainRegistry registry = service.registry();
        return collector.report(registry, registry.domains().stream().map(DecisionDomain::id).toList());
    }

    private static void removeScenario(Path file, String name) throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode root = yaml.readTree(file.toFile());
        ArrayNode scenarios = (ArrayNode) root.get("scenarios");
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).get("name").asText().equals(name)) {
                scenarios.remove(i);
                break;
            }
        }
        if (scenarios.isEmpty()) {
            Files.delete(file);
        } else {
            yaml.writeValue(file.toFile(), root);
        }
    }
}
