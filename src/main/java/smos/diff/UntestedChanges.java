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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Is the change tested? Each value cell a candidate changes (against the version serving) is mutated a
 * step each way with the mutation tester's own operators, and the candidate's scenarios run against
 * each mutant: a mutant no scenario notices means the new value is not pinned, as when a threshold
 * moves from 10 to 12 and the scenarios still test "exactly 10", which no longer decides anything.
 * Each survivor is a warning; the change is not refused (a warning, like the spreadsheet checks').
 *
 * <p>Bounded so that a publish stays quick: only changed value cells, at most {@value #MAX_CELLS} of
 * them (two mutants each for a number: one compile and one scenario run per mutant, about half a
 * second each for returns); beyond that one warning says how many were left out and how to test them
 * all ({@code smos test --mutate}).
 */
public final class UntestedChanges {
    /** Changed value cells mutated per publish. */
    public static final int MAX_CELLS = 8;

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
        return find(VersionDiff.between(active, candidate), candidate);
    }

    /** The same, for changes already worked out ({@code changes.to()} is the candidate's version). */
    public List<Untested> find(VersionChanges changes, DomainBundle candidate) {
        DecisionDomain<?, ?> domain = registry.domain(candidate.domain()).orElseThrow(() ->
                new IllegalArgumentException("no domain " + candidate.domain()));
        Map<String, CellChange> byCell = new LinkedHashMap<>();
        for (CellChange change : changed(changes)) {
            if (byCell.size() == MAX_CELLS) {
                break;
            }
            byCell.put(key(change.file(), change.where()), change);
        }
        if (byCell.isEmpty()) {
            return List.of();
        }
        List<Untested> untested = new ArrayList<>();
        for (MutantOutcome outcome : MutationTester.judge(registry, service, domain, candidate,
                m -> byCell.containsKey(key(m.file(), m.cell())))) {
            if (outcome.status() == MutantOutcome.Status.SURVIVED) {
                untested.add(new Untested(byCell.get(key(outcome.mutant().file(), outcome.mutant().cell())),
                        outcome.mutant()));
            }
        }
        return untested;
    }

    /**
     * The warnings of {@link #find}, and one more when more than {@value #MAX_CELLS} value cells changed:
     * for the gate, on every publish, and for an impact run.
     */
    public List<RuleProblem> warnings(DomainBundle candidate, DomainBundle active) {
        VersionChanges changes = VersionDiff.between(active, candidate);
        List<RuleProblem> warnings = new ArrayList<>(find(changes, candidate).stream().map(Untested::problem).toList());
        int left = changed(changes).size() - MAX_CELLS;
        if (left > 0) {
            warnings.add(RuleProblem.inFile(null, left + " more changed value cells were not mutated (at most "
                    + MAX_CELLS + " a publish): run smos test --mutate " + candidate.domain() + " to see whether scenarios pin them"));
        }
        return warnings;
    }

    /** Value cells that have a new value (changed, or filled where they were empty). */
    private static List<CellChange> changed(VersionChanges changes) {
        return changes.cells().stream().filter(c -> c.valueCell() && c.after() != null).toList();
    }

    private static String key(String file, String cell) {
        return file + "#" + cell;
    }
}
