package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import smos.coverage.CoverageCollector;
import smos.coverage.CoverageReport;
import smos.scenarios.JUnitXmlReport;
import smos.scenarios.ScenarioFileException;
import smos.scenarios.ScenarioFileRun;
import smos.scenarios.ScenarioLoader;
import smos.scenarios.ScenarioResult;
import smos.scenarios.ScenarioRunner;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.service.DecisionService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run scenario files against the rules; ends with 'N passed, N failed'; exit code 1 on any failure.",
                "--coverage also reports, per domain, the rules and table rows no scenario fired.",
                "--mutate [DOMAIN|PATH...] changes each value cell of the domains' tables in turn and reports every"
                        + " change no scenario notices (long: progress on standard error).",
                "--junit-xml DIR also writes a JUnit XML report per scenario file."})
final class TestCommand implements Callable<Integer> {
    static final String DEFAULT_COVERAGE_FILE = "target/scenario-coverage.json";

    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Scenario files or folders (default: the home's scenarios/ folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--coverage", description = "Report which rules and table rows no scenario fired, per domain,"
            + " and write them as JSON (see --coverage-file).")
    boolean coverage;

    @Option(names = "--coverage-file", paramLabel = "FILE", defaultValue = DEFAULT_COVERAGE_FILE,
            description = "Where --coverage writes its JSON report (default: ${DEFAULT-VALUE}, in the current folder).")
    Path coverageFile;

    @Option(names = "--mutate", arity = "0..*", paramLabel = "DOMAIN|PATH",
            description = "Mutation testing instead of a scenario run: of the given domains' tables against their"
                    + " scenarios, or, for a scenario file or folder, of its domain's tables against just those"
                    + " scenarios (default: every domain).")
    List<String> mutate;

    @Option(names = "--junit-xml", paramLabel = "DIR",
            description = "Also write one JUnit XML report per scenario file into DIR (TEST-<domain>.<file>.xml),"
                    + " for CI servers.")
    Path junitXml;

    @Override
    public Integer call() {
        Path dir = home.resolve();
        if (mutate != null) {
            List<String> targets = new ArrayList<>(mutate);
            targets.addAll(paths.stream().map(Path::toString).toList());
            return new MutationCommand(dir, DomainRegistry.discover()).run(targets);
        }
        List<Path> roots = paths.isEmpty() ? List.of(dir.resolve(ScenarioLoader.SCENARIOS_DIR)) : paths;
        DecisionService service = Services.load(dir);
        ScenarioRunner runner = new ScenarioRunner(service);
        CoverageCollector collector = new CoverageCollector();
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
            ScenarioFileRun run = ScenarioFileRun.of(runner, path, display(dir, path));
            if (run.unreadable() != null) {
                System.out.println("ERROR " + run.unreadable().getMessage());
            }
            for (ScenarioResult result : run.results()) {
                collector.add(result);
                if (!result.passed()) {
                    System.out.println((result.couldNotRun() ? "ERROR " : "FAIL ") + result.file() + ":" + result.line()
                            + " :: " + result.scenario());
                    result.failures().forEach(f -> System.out.println("     " + JUnitXmlReport.describe(f)));
                }
            }
            passed += run.passed();
            failed += run.failed();
            if (junitXml != null) {
                JUnitXmlReport.write(junitXml, run);
            }
        }
        if (coverage) {
            reportCoverage(service, collector);
        }
        if (junitXml != null) {
            System.out.println("JUnit XML reports written to " + junitXml.toAbsolutePath().normalize());
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** Every domain when all scenarios ran; otherwise the domains of the files given. */
    private void reportCoverage(DecisionService service, CoverageCollector collector) {
        Collection<String> domains = paths.isEmpty()
                ? service.registry().domains().stream().map(DecisionDomain::id).toList() : collector.domainsRun();
        CoverageReport report = collector.report(service.registry(), domains);
        System.out.print(report.summary());
        report.writeJson(coverageFile);
        System.out.println("coverage written to " + coverageFile.toAbsolutePath().normalize());
    }

    private static String display(Path home, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString() : file.toString();
    }
}
