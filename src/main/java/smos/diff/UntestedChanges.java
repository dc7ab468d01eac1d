package smos.diff;

import smos.engine.DecisionDomain;
import smos.engine.DomainBundle;
import smos.engine.DomainRegistry;
import smos.engine.RuleProblem;
import smos.mutation.CellMutant;
import smos.mutation.MutantOutcome;
import smos.mutation.MutationTester;
import smos.service.DecisionService;

import java.util.ArrayList;
import java.util.List;

/**
 * Is the change tested? Each value cell a candidate changes (against the version serving) is mutated a
 * step each way with the mutation tester's own operators, and the candidate's scenarios run against
 * each mutant: a mutant no scenario notices means the new value is not pinned, as when a threshold
 * moves from 10 to 12 and the scenarios still test "exactly 10", which no longer decides anything.
 * Each survivor is a warning; the change is not refused (a warning, like the spreadsheet checks').
 *
 * <p>Bounded so that a publish stays quick: only changed value cells, at most {@value #MAX_CELLS} of
 * them, and no further cell once {@link #TIME_BUDGET} has passed (a cell started is finished, so the
 * first is always judged). A number has two mutants, each one compile and one scenario run, each about
 * as long as the gate itself (for returns on a loaded 2-core machine: 4 to 6 s a mutant). Cells left out are
 * counted in one more warning that says how to test them all ({@code smos test --mutate}).
 */
public final class UntestedChanges {
    /** Changed value cells mutated per publish. */
    public static final int MAX_CELLS = 4;
    /** No cell is started after this long. */
    public static final java.time.Duration TIME_BUDGET = java.time.Duration.ofSeconds(20);

    private final DomainRegistry registry;
    private final DecisionService service;

    public UntestedChanges(DomainRegistry registry, DecisionService service) {
        this.registry = registry;
        this.service = service;
    }

    /** A changed cell and a mutant of its new value that no scenario of the candidate notices. */
    public record Untested(CellChange change, CellMutant mutant) {

        /** {@code Approval!E19 changed 10 -> 12, but no scenario notices 12 -> 11.99: add a scenario at the new boundary}. */
        public String warning() {
            return change.where() + " changed " + CellChange.shown(change.before()) + " -> " + change.after()
                    + ", but no scenario notices " + mutant.change() + ": add a scenario at the new boundary";
        }

        public RuleProblem problem() {
            return RuleProblem.inCell(change.file(), change.sheet(), change.cell(), warning());
        }
    }

    /** The survivors among the mutants of the value cells {@code candidate} changes against {@code active}. */
    public List<Untested> find(DomainBundle candidate, DomainBundle active) {
        return check(VersionDiff.between(active, candidate), candidate).untested();
    }

    /** The same, for changes already worked out ({@code changes.to()} is the candidate's version). */
    public List<Untested> find(VersionChanges changes, DomainBundle candidate) {
        return check(changes, candidate).untested();
    }

    /**
     * The warnings of {@link #find}, and one more when changed value cells were left out (more than
     * {@value #MAX_CELLS}, or past the time budget): for the gate, on every publish, and for an impact run.
     */
    public List<RuleProblem> warnings(DomainBundle candidate, DomainBundle active) {
        Checked checked = check(VersionDiff.between(active, candidate), candidate);
        List<RuleProblem> warnings = new ArrayList<>(checked.untested().stream().map(Untested::problem).toList());
        if (checked.leftOut() > 0) {
            warnings.add(RuleProblem.inFile(null, checked.leftOut() + " more changed value cells were not mutated (at most "
                    + MAX_CELLS + " cells and " + TIME_BUDGET.toSeconds() + " s a publish): run smos test --mutate "
                    + candidate.domain() + " to see whether scenarios pin them"));
        }
        return warnings;
    }

    private record Checked(List<Untested> untested, int leftOut) {
    }

    private Checked check(VersionChanges changes, DomainBundle candidate) {
        DecisionDomain<?, ?> domain = registry.domain(candidate.domain()).orElseThrow(() ->
                new IllegalArgumentException("no domain " + candidate.domain()));
        List<CellChange> cells = changed(changes);
        long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
        List<Untested> untested = new ArrayList<>();
        int judged = 0;
        for (CellChange change : cells) {
            if (judged == MAX_CELLS || judged > 0 && System.nanoTime() > deadline) {
                break;
            }
            judged++;
            for (MutantOutcome outcome : MutationTester.judge(registry, service, domain, candidate,
                    m -> m.file().equals(change.file()) && m.cell().equals(change.where()))) {
                if (outcome.status() == MutantOutcome.Status.SURVIVED) {
                    untested.add(new Untested(change, outcome.mutant()));
                }
            }
        }
        return new Checked(untested, cells.size() - judged);
    }

    /** Value cells that have a new value (changed, or filled where they were empty). */
    private static List<CellChange> changed(VersionChanges changes) {
        return changes.cells().stream().filter(c -> c.valueCell() && c.after() != null).toList();
    }
}
