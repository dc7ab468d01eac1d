package smos.impact;

import smos.diff.CellChange;
import smos.diff.VersionDiff;
import smos.engine.DomainBundle;
import smos.engine.RuleProblem;
import smos.publish.RuleSetManager;

import java.util.List;

/**
 * What a candidate changes in the files of the version serving now, cell by cell, and which changed
 * value cells no scenario of the candidate pins. The impact report shows both beside the decisions the
 * change moves; the diff works them out, behind this seam (a benchmark leaves them out).
 */
public interface CandidateChanges {

    /** The changed cells (as the diff writes them) and one warning per untested change. */
    record Found(List<CellChange> cells, List<RuleProblem> untested) {
        public static final Found NOTHING = new Found(List.of(), List.of());
    }

    Found between(DomainBundle active, DomainBundle candidate);

    /** Reports no cells and no warnings. */
    CandidateChanges NONE = (active, candidate) -> Found.NOTHING;

    /**
     * The cells the version diff finds ({@link VersionDiff}) and the changes no scenario pins, as the
     * gate warns of them on a publish.
     */
    static CandidateChanges of(RuleSetManager manager) {
        return (active, candidate) -> new Found(VersionDiff.between(active, candidate).cells(),
                manager.untestedChanges(candidate, active));
    }
}
