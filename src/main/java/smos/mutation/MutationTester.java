package smos.mutation;

import smos.checks.Finding;
import smos.checks.Severity;
import smos.checks.SpreadsheetChecks;
import smos.engine.CompileResult;
import smos.engine.CompiledRuleSet;
import smos.engine.DecisionDomain;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.engine.ScenarioFailure;
import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;
import smos.scenarios.ScenarioResult;
import smos.scenarios.ScenarioRunner;
import smos.service.DecisionService;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes each value cell of a domain's tables in turn, recompiles, and runs the domain's scenarios
 * against the changed version: a change no scenario notices survives. Stops a mutant's scenarios at
 * the first failure. Progress goes to the given stream, one line per mutant.
 */
public final class MutationTester {
    private final Path home;
    private final PrintStream progress;

    public MutationTester(Path home, PrintStream progress) {
        this.home = home;
        this.progress = progress;
    }

    /** Thrown when the domain's scenarios fail on the unchanged tables: mutants would prove nothing. */
    public static final class BaselineFailedException extends RuntimeException {
        public BaselineFailedException(String message) {
            super(message);
        }
    }

    public DomainMutationResult run(DecisionDomain<?, ?> domain) {
        long started = System.nanoTime();
        DomainRegistry registry = new DomainRegistry(home, List.of(domain));
        DecisionService service = new DecisionService(registry, Map::of);
        DomainBundle bundle = DomainLayout.read(home, domain.id());
        DomainSources sources = bundle.sources();
        List<ScenarioFile> scenarios = scenarios(domain, bundle);
        CompileResult baseline = registry.compile(domain, bundle);
        if (!baseline.ok()) {
            throw new BaselineFailedException(domain.id() + " does not compile: " + baseline.problems().get(0));
        }
        firstFailure(service, baseline.ruleSet(), scenarios).ifPresent(f -> {
            throw new BaselineFailedException(domain.id() + ": scenarios fail on the unchanged tables, fix them first: " + f);
        });
        List<CellMutant> mutants = CellMutations.of(sources, MutationTester.class.getClassLoader());
        List<MutantOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            CellMutant mutant = mutants.get(i);
            MutantOutcome outcome = judge(registry, service, domain, bundle, scenarios, mutant);
            outcomes.add(outcome);
            progress.printf("%s %d/%d %s %s%n", domain.id(), i + 1, mutants.size(), mutant.describe(),
                    outcome.status() == MutantOutcome.Status.SURVIVED ? "SURVIVED" : outcome.status().name().toLowerCase());
        }
        return new DomainMutationResult(domain.id(), outcomes, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The outcome of each mutant {@code which} accepts, of a bundle whose scenarios already pass (the
     * publishing gate checked it): each is judged as {@link #run} judges it, against the bundle's own
     * scenarios. For a publish, only its changed cells are mutated ({@code smos.diff.UntestedChanges}).
     */
    public static List<MutantOutcome> judge(DomainRegistry registry, DecisionService service, DecisionDomain<?, ?> domain,
                                            DomainBundle bundle, java.util.function.Predicate<CellMutant> which) {
        List<ScenarioFile> scenarios = scenarios(domain, bundle);
        List<MutantOutcome> outcomes = new ArrayList<>();
        for (CellMutant mutant : CellMutations.of(bundle.sources(), MutationTester.class.getClassLoader())) {
            if (which.test(mutant)) {
                outcomes.add(judge(registry, service, domain, bundle, scenarios, mutant));
            }
        }
        return outcomes;
    }

    private static MutantOutcome judge(DomainRegistry registry, DecisionService service, DecisionDomain<?, ?> domain,
                                       DomainBundle bundle, List<ScenarioFile> scenarios, CellMutant mutant) {
        DomainBundle mutated = bundle.with(Map.of(mutant.file(),
                MutatedWorkbook.apply(bundle.files().get(mutant.file()), mutant)), java.util.Set.of());
        CompileResult compiled = registry.compile(domain, mutated);
        if (!compiled.ok()) {
            return new MutantOutcome(mutant, MutantOutcome.Status.REFUSED, compiled.problems().get(0).toString());
        }
        Optional<ScenarioFailure> failure = firstFailure(service, compiled.ruleSet(), scenarios);
        if (failure.isPresent()) {
            return new MutantOutcome(mutant, MutantOutcome.Status.KILLED, failure.get().toString());
        }
        // the publishing gate would refuse a version with an error finding: such a change cannot go live
        Optional<Finding> error = new SpreadsheetChecks().check(mutated.sources()).stream()
                .filter(f -> f.severity() == Severity.ERROR).findFirst();
        return error.map(e -> new MutantOutcome(mutant, MutantOutcome.Status.REFUSED, e.toString()))
                .orElseGet(() -> new MutantOutcome(mutant, MutantOutcome.Status.SURVIVED, null));
    }

    private static Optional<ScenarioFailure> firstFailure(DecisionService service, CompiledRuleSet ruleSet,
                                                          List<ScenarioFile> scenarios) {
        ScenarioRunner runner = new ScenarioRunner((id, body) -> service.decideWith(ruleSet, body));
        for (ScenarioFile file : scenarios) {
            for (Scenario scenario : file.scenarios()) {
                ScenarioResult result = runner.run(file, scenario);
                if (!result.passed()) {
                    return Optional.of(result.failures().get(0));
                }
            }
        }
        return Optional.empty();
    }

    private static List<ScenarioFile> scenarios(DecisionDomain<?, ?> domain, DomainBundle bundle) {
        if (bundle.scenarios().isEmpty()) {
            throw new BaselineFailedException(domain.id() + " has no scenarios: every mutant would survive");
        }
        return bundle.scenarios().entrySet().stream().map(f -> ScenarioLoader.load(f.getValue(), f.getKey())).toList();
    }
}
