package smos.scenarios;

import smos.engine.CompiledRuleSet;
import smos.engine.DomainLayout;
import smos.engine.ScenarioFailure;
import smos.service.DecisionService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a domain's scenarios against the version it serves: the scenario files of that version's
 * bundle (those the gate ran when it went live), or a scenario file posted over HTTP. The version is
 * taken once, so every scenario of a run meets the same one, even if a reload happens meanwhile.
 */
public final class DomainScenarios {
    /** How a posted scenario file is named in failures. */
    public static final String POSTED = "(posted)";

    private final DecisionService service;

    public DomainScenarios(DecisionService service) {
        this.service = service;
    }

    /** The scenario files of the version that serves; none is a failure, as at the publishing gate. */
    public ScenarioReport runFiles(String domain) {
        return runFilesInDetail(domain).report();
    }

    /**
     * The same run with each scenario's result kept (the rules it fired, for coverage) and the version
     * it met, for the console's scenarios page.
     */
    public ServingRun runFilesInDetail(String domain) {
        CompiledRuleSet version = service.servingState(domain).active();
        Map<String, byte[]> files = version.bundle().scenarios();
        if (files.isEmpty()) {
            return new ServingRun(version, List.of(), new ScenarioReport(domain, version.version(), 0, 1, List.of(
                    new ScenarioFailure(DomainLayout.folder(DomainLayout.Kind.SCENARIOS, domain),
                            "at least one scenario file", "none"))));
        }
        List<ScenarioFileRun> runs = new ArrayList<>();
        ScenarioRunner runner = runner(version);
        files.forEach((path, bytes) -> runs.add(ScenarioFileRun.of(runner, bytes, path)));
        return new ServingRun(version, List.copyOf(runs), report(domain, version, runs));
    }

    /** A run of the serving version's scenario files: the version, each file's results, and the report of them all. */
    public record ServingRun(CompiledRuleSet version, List<ScenarioFileRun> files, ScenarioReport report) {

        public List<ScenarioResult> results() {
            return files.stream().flatMap(f -> f.results().stream()).toList();
        }
    }

    /**
     * A posted scenario file. YAML that does not parse, or a file without its domain or scenario
     * list, is a {@link ScenarioFileException} naming the line; a file for another domain too.
     */
    public ScenarioReport runPosted(String domain, byte[] yaml) {
        return runPostedInDetail(domain, yaml, POSTED).report();
    }

    /** The same with each scenario's result kept; {@code name} is how the file is named in failures. */
    public ServingRun runPostedInDetail(String domain, byte[] yaml, String name) {
        CompiledRuleSet version = service.servingState(domain).active();
        ScenarioFile file = ScenarioLoader.parseStrictly(yaml, name);
        if (!file.domain().equals(domain)) {
            throw new ScenarioFileException(name, "is for domain '" + file.domain() + "', posted to '" + domain + "'");
        }
        List<ScenarioFileRun> runs = List.of(new ScenarioFileRun(name, domain, runner(version).run(file), null));
        return new ServingRun(version, runs, report(domain, version, runs));
    }

    private ScenarioRunner runner(CompiledRuleSet version) {
        return new ScenarioRunner((id, body) -> service.decideWith(version, body));
    }

    private static ScenarioReport report(String domain, CompiledRuleSet version, List<ScenarioFileRun> runs) {
        int passed = 0;
        int failed = 0;
        List<ScenarioFailure> failures = new ArrayList<>();
        for (ScenarioFileRun run : runs) {
            passed += run.passed();
            failed += run.failed();
            failures.addAll(run.failures());
        }
        return new ScenarioReport(domain, version.version(), passed, failed, List.copyOf(failures));
    }
}
