package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioFileException;
import smos.scenarios.ScenarioLoader;
import smos.scenarios.ScenarioResult;
import smos.scenarios.ScenarioRunner;
import smos.service.DecisionService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run scenario files against the rules; ends with 'N passed, N failed'; exit code 1 on any failure.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Scenario files or folders (default: the home's scenarios/ folder).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        Path dir = home.resolve();
        List<Path> roots = paths.isEmpty() ? List.of(dir.resolve(ScenarioLoader.SCENARIOS_DIR)) : paths;
        DecisionService service = Services.load(dir);
        ScenarioRunner runner = new ScenarioRunner(service);
        int passed = 0;
        int failed = 0;
        List<Path> files;
        try {
            files = ScenarioLoader.find(roots);
        } catch (ScenarioFileException e) {
            System.out.println("ERROR " + e.getMessage());
            System.out.println("0 passed, 1 failed");
            return 1;
        }
        if (files.isEmpty()) {
            System.out.println("ERROR no scenario files under " + roots);
            System.out.println("0 passed, 1 failed");
            return 1;
        }
        for (Path path : files) {
            ScenarioFile file;
            try {
                file = ScenarioLoader.load(path, display(dir, path));
            } catch (ScenarioFileException e) {
                System.out.println("ERROR " + e.getMessage());
                failed++;
                continue;
            }
            for (ScenarioResult result : runner.run(file)) {
                if (result.passed()) {
                    passed++;
                } else {
                    failed++;
                    System.out.println("FAIL " + result.file() + " :: " + result.scenario());
                    result.failures().forEach(f -> System.out.println("     " + f.field() + ": expected " + f.expected()
                            + ", actual " + f.actual()));
                }
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static String display(Path home, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString() : file.toString();
    }
}
