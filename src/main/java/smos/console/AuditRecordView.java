package smos.console;

import java.util.List;

/**
 * One record of the decision log as the console shows it: the request, the decision and the problem as
 * pretty JSON (null where the record has none), the trace linked to the fired rows, which version those
 * rows are of, and after a replay its outcome (or why it could not run).
 */
public record AuditRecordView(String decisionId, String time, String domain, String version, String caller,
                              int status, String duration, String request, String decision, String problem,
                              String bodyPrefix, String bodySha256, List<TryView.Step> trace, String versionNote,
                              ReplayOutcome replay, String replayError) {

    public boolean refused() {
        return status >= 400;
    }

    /** A replay's outcome: identical, or each field that differs with both values as JSON. */
    public record ReplayOutcome(boolean identical, List<Difference> differences) {
    }

    public record Difference(String field, String recorded, String replayed) {
    }

    AuditRecordView withReplay(ReplayOutcome outcome, String error) {
        return new AuditRecordView(decisionId, time, domain, version, caller, status, duration, request, decision,
                problem, bodyPrefix, bodySha256, trace, versionNote, outcome, error);
    }
}
