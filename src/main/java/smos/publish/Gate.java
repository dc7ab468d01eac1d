package smos.publish;

import smos.checks.Finding;
import smos.checks.Findings;
import smos.checks.Severity;
import smos.checks.SpreadsheetChecks;
import smos.engine.CompileResult;
import smos.engine.CompiledRuleSet;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioFileException;
import smos.scenarios.ScenarioLoader;
import smos.scenarios.ScenarioResult;
import smos.scenarios.ScenarioRunner;
import smos.service.DecisionService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a new version of a domain must pass before it serves: it compiles (every cell checked), its
 * spreadsheets have no error findings (docs/spreadsheet-checks.md; warnings are reported, not
 * refused), and every scenario file of the domain passes against it. Runs on any folder laid out
 * like the home, so a publish is checked in a staging copy before anything is written.
 */
public final class Gate {
    private final DomainRegistry registry;
    private final DecisionService service;
    private final SpreadsheetChecks checks = new SpreadsheetChecks();

    public Gate(DomainRegistry registry, DecisionService service) {
        this.registry = registry;
        this.service = service;
    }

    /**
     * The verdict: the compiled candidate, or the problems and scenario failures that refuse it; the
     * spreadsheet warnings either way.
     */
    public record Verdict(String version, CompiledRuleSet candidate, List<RuleProblem> problems,
                          List<ScenarioFailure> failures, List<RuleProblem> warnings) {
        public boolean passed() {
            return candidate != null && problems.isEmpty() && failures.isEmpty();
        }
    }

    public Verdict check(DecisionDomain<?, ?> domain, Path folder) {
        DomainSources sources = DomainSources.scan(folder, domain.id());
        CompileResult compiled = registry.compile(domain, sources);
        List<Finding> findings = checks.check(sources);
        List<RuleProblem> warnings = Findings.problems(findings, Severity.WARNING);
        List<RuleProblem> checkErrors = Findings.problems(Findings.besides(findings, compiled.problems()), Severity.ERROR);
        if (!compiled.ok()) {
            List<RuleProblem> problems = new ArrayList<>(compiled.problems());
            problems.addAll(checkErrors);
            return new Verdict(compiled.version(), null, problems, List.of(), warnings);
        }
        return new Verdict(compiled.version(), compiled.ruleSet(), checkErrors,
                scenarioFailures(domain, folder, compiled.ruleSet()), warnings);
    }

    /** Runs the domain's scenarios found under {@code folder} against a compiled version. */
    public List<ScenarioFailure> scenarioFailures(DecisionDomain<?, ?> domain, Path folder, CompiledRuleSet ruleSet) {
        Path dir = folder.resolve(ScenarioLoader.SCENARIOS_DIR).resolve(domain.id());
        List<ScenarioFailure> failures = new ArrayList<>();
        List<Path> files = Files.isDirectory(dir) ? ScenarioLoader.find(List.of(dir)) : List.of();
        if (files.isEmpty()) {
            failures.add(new ScenarioFailure(ScenarioLoader.SCENARIOS_DIR + "/" + domain.id(), null, null,
                    "at least one scenario file", "none: a change cannot be verified without scenarios"));
            return failures;
        }
        ScenarioRunner runner = new ScenarioRunner((id, body) -> service.decideWith(ruleSet, body));
        for (Path path : files) {
            String display = folder.relativize(path).toString().replace('\\', '/');
            try {
                ScenarioFile file = ScenarioLoader.load(path, display);
                for (ScenarioResult result : runner.run(file)) {
                    failures.addAll(result.failures());
                }
            } catch (ScenarioFileException e) {
                failures.add(new ScenarioFailure(display, null, null, "a readable scenario file", e.getMessage()));
            }
        }
        return failures;
    }
}
