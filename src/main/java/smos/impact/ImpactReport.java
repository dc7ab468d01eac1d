package smos.impact;

import smos.engine.RuleProblem;

import java.time.Instant;
import java.util.List;

/**
 * What a candidate would do to the recorded decisions of a window: {@code decided} requests were decided
 * by both versions, {@code unchanged} the same and {@code changed} differently; {@code refused} ones
 * were not decided by one of them (a request today's contract refuses, or a rules defect). Per changed
 * field the count and examples; the rules that fire more or less often; the changed cells and the
 * changes no scenario tests; the gate's spreadsheet warnings.
 */
public record ImpactReport(String domain, String activeVersion, String candidateVersion, Instant from, Instant to,
                           int limit, long decided, long unchanged, long changed, long refused,
                           List<ImpactTally.FieldChange> fields, List<ImpactTally.RuleChange> rules,
                           List<smos.diff.CellChange> changedCells, List<RuleProblem> untested, List<RuleProblem> warnings,
                           List<ImpactTally.Refusal> refusals, long elapsedMillis) {
}
