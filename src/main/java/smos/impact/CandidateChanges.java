package smos.impact;

import smos.engine.DomainBundle;

import java.util.List;

/**
 * What a candidate changes in the files of the version serving now, cell by cell, and which changed
 * value cells no scenario of the candidate pins. The impact report shows both beside the decisions the
 * change moves; the cell diff itself is the diff's business, reached through this seam.
 */
public interface CandidateChanges {

    /** The changed cells (as the diff writes them) and one warning per untested change. */
    record Found(List<?> cells, List<String> untested) {
        public static final Found NOTHING = new Found(List.of(), List.of());
    }

    Found between(DomainBundle active, DomainBundle candidate);

    /** Reports no cells and no warnings. */
    CandidateChanges NONE = (active, candidate) -> Found.NOTHING;

    /** The cells the version diff finds ({@link smos.diff.VersionDiff}). */
    CandidateChanges CELLS = (active, candidate) ->
            new Found(smos.diff.VersionDiff.between(active, candidate).cells(), List.of());
}
