package smos.audit;

import smos.service.Metrics;

/**
 * What the HTTP layer needs of the decision log: the recorder that puts decisions on record, and the
 * replay that decides a recorded request again (null where no rule history is at hand).
 */
public record AuditServices(DecisionRecorder recorder, Replay replay) {

    public static AuditServices off(Metrics metrics) {
        return new AuditServices(DecisionRecorder.off(metrics), null);
    }
}
