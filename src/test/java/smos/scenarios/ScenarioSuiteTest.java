package smos.scenarios;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import smos.engine.ScenarioFailure;
import smos.testing.Services;
import smos.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every scenario file under scenarios/ runs as tests of its own: a container per file, a test per scenario. */
class ScenarioSuiteTest {

    @TestFactory
    List<DynamicNode> everyScenarioFile() {
        Path root = TestHomes.REPO.resolve(ScenarioLoader.SCENARIOS_DIR);
        assertTrue(Files.isDirectory(root), "the scenarios/ folder is missing at " + root);
        List<Path> files = ScenarioLoader.find(List.of(root));
        assertTrue(!files.isEmpty(), "the scenarios/ folder holds no scenario files");
        ScenarioRunner runner = new ScenarioRunner(Services.shipped());
        List<DynamicNode> containers = new ArrayList<>();
        for (Path path : files) {
            String display = TestHomes.REPO.relativize(path).toString();
            ScenarioFile file = ScenarioLoader.load(path, display);
            List<DynamicTest> tests = new ArrayList<>(file.scenarios().stream()
                    .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                        ScenarioResult result = runner.run(file, s);
                        if (!result.passed()) {
                            fail(result.failures().stream().map(ScenarioFailure::toString)
                                    .collect(Collectors.joining("\n", "\n", "")));
                        }
                    })).toList());
            // a scenario not in the format is set aside by the loader: here it fails at its line
            file.unreadable().forEach(bad -> tests.add(DynamicTest.dynamicTest(bad.name(),
                    () -> fail(display + ":" + bad.line() + ": " + bad.problem()))));
            containers.add(DynamicContainer.dynamicContainer(display, tests.stream()));
        }
        return containers;
    }
}
