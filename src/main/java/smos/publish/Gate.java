package smos.publish;

import smos.checks.Finding;
import smos.checks.Findings;
import smos.checks.Severity;
import smos.checks.SpreadsheetChecks;
import smos.diff.UntestedChanges;
import smos.engine.CompileResult;
import smos.engine.CompiledRuleSet;
import smos.engine.DecisionDomain;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.engine.DomainRegistry;
import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioFileException;
import smos.scenarios.ScenarioLoader;
import smos.scenarios.ScenarioResult;
import smos.scenarios.ScenarioRunner;
import smos.service.DecisionService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a new version of a domain must pass before it serves: it compiles (every cell checked), its
 * spreadsheets have no error findings (docs/spreadsheet-checks.md; warnings are reported, not
 * refused), and every scenario file of its bundle passes against it. Every way rules arrive hands the
 * gate a {@link DomainBundle}, and the gate reads nothing else: no folder is written to be read back.
 */
public final class Gate {
    private final DomainRegistry registry;
    private final DecisionService service;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gate.class);
    private final SpreadsheetChecks checks = new SpreadsheetChecks();
    private final UntestedChanges untested;
    private final List<Inspection> inspections = new CopyOnWriteArrayList<>();

    /** Told of every bundle the gate is handed and why: for the log, and for tests that follow a bundle's way. */
    public interface Inspection {
        void handed(String trigger, DomainBundle bundle);
    }

    public Gate(DomainRegistry registry, DecisionService service) {
        this.registry = registry;
        this.service = service;
        this.untested = new UntestedChanges(registry, service);
    }

    public void onInspection(Inspection inspection) {
        inspections.add(inspection);
    }

    /**
     * The verdict: the compiled candidate, or the problems and scenario failures that refuse it; the
     * spreadsheet warnings either way; and, when it passed, the record to keep of it.
     */
    public record Verdict(String version, CompiledRuleSet candidate, List<RuleProblem> problems,
                          List<ScenarioFailure> failures, List<RuleProblem> warnings, GateRecord record) {
        public boolean passed() {
            return candidate != null && problems.isEmpty() && failures.isEmpty();
        }

        /** The same verdict with more warnings. */
        public Verdict withWarnings(List<RuleProblem> more) {
            List<RuleProblem> all = new ArrayList<>(warnings);
            all.addAll(more);
            return new Verdict(version, candidate, problems, failures, List.copyOf(all), record);
        }
    }

    /** Checks a bundle in full: compile, spreadsheet checks, scenarios. */
    public Verdict check(DecisionDomain<?, ?> domain, DomainBundle bundle, String trigger) {
        return check(domain, bundle, trigger, Optional.empty());
    }

    /**
     * Checks a bundle; one this build already passed (its {@code passed} record) is only compiled: the
     * checks and scenarios would read the same bytes with the same code.
     */
    public Verdict check(DecisionDomain<?, ?> domain, DomainBundle bundle, String trigger, Optional<GateRecord> passed) {
        inspections.forEach(i -> i.handed(trigger, bundle));
        CompileResult compiled = registry.compile(domain, bundle);
        Optional<GateRecord> known = passed.filter(r -> r.version().equals(bundle.version()) && r.byThisBuild());
        if (compiled.ok() && known.isPresent()) {
            return new Verdict(compiled.version(), compiled.ruleSet(), List.of(), List.of(), List.of(), known.get());
        }
        List<Finding> findings = checks.check(bundle.sources());
        List<RuleProblem> warnings = Findings.problems(findings, Severity.WARNING);
        List<RuleProblem> checkErrors = Findings.problems(Findings.besides(findings, compiled.problems()), Severity.ERROR);
        if (!compiled.ok()) {
            List<RuleProblem> problems = new ArrayList<>(compiled.problems());
            problems.addAll(checkErrors);
            return new Verdict(compiled.version(), null, problems, List.of(), warnings, null);
        }
        List<ScenarioFailure> failures = scenarioFailures(domain, bundle, compiled.ruleSet());
        GateRecord record = checkErrors.isEmpty() && failures.isEmpty()
                ? new GateRecord(bundle.version(), Instant.now(), scenarioCount(bundle), GateRecord.currentBuild()) : null;
        return new Verdict(compiled.version(), compiled.ruleSet(), checkErrors, failures, warnings, record);
    }

    /**
     * Is the change tested? A warning for each mutant of a value cell {@code candidate} changes against
     * {@code active} that none of the candidate's scenarios notices ({@link UntestedChanges}, bounded
     * there). For a candidate that passed {@link #check}: on every publish, and for an impact run.
     * A failure to work it out is itself a warning: it never refuses a change.
     */
    public List<RuleProblem> untestedChanges(DomainBundle candidate, DomainBundle active) {
        try {
            return untested.warnings(candidate, active);
        } catch (RuntimeException e) {
            LOG.warn("domain {}: cannot tell whether the changed cells are tested", candidate.domain(), e);
            return List.of(RuleProblem.inFile(null, "cannot tell whether the changed cells are tested: " + e.getMessage()));
        }
    }

    /** Runs the bundle's scenarios against a compiled version. */
    public List<ScenarioFailure> scenarioFailures(DecisionDomain<?, ?> domain, DomainBundle bundle, CompiledRuleSet ruleSet) {
        List<ScenarioFailure> failures = new ArrayList<>();
        Map<String, byte[]> files = bundle.scenarios();
        if (files.isEmpty()) {
            failures.add(new ScenarioFailure(DomainLayout.folder(DomainLayout.Kind.SCENARIOS, domain.id()), null, null,
                    "at least one scenario file", "none: a change cannot be verified without scenarios"));
            return failures;
        }
        ScenarioRunner runner = new ScenarioRunner((id, body) -> service.decideWith(ruleSet, body));
        files.forEach((path, bytes) -> {
            try {
                ScenarioFile file = ScenarioLoader.load(bytes, path);
                for (ScenarioResult result : runner.run(file)) {
                    failures.addAll(result.failures());
                }
            } catch (ScenarioFileException e) {
                failures.add(new ScenarioFailure(path, null, null, "a readable scenario file", e.getMessage()));
            }
        });
        return failures;
    }

    private static int scenarioCount(DomainBundle bundle) {
        int count = 0;
        for (Map.Entry<String, byte[]> file : bundle.scenarios().entrySet()) {
            try {
                count += ScenarioLoader.load(file.getValue(), file.getKey()).scenarios().size();
            } catch (ScenarioFileException e) {
                // a file that failed to load was already a failure; a passed bundle has none
            }
        }
        return count;
    }
}
