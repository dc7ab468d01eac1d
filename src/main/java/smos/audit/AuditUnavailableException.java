package smos.audit;

import smos.failure.Failure;
import smos.failure.FailureKind;

/** The decision could not be put on record, and the log is required: the decision is not answered. */
public class AuditUnavailableException extends Failure {
    public AuditUnavailableException(String reason) {
        super(FailureKind.AUDIT_UNAVAILABLE, "the decision log cannot be written (" + reason
                + "); decisions are refused until it can, since every decision must be on record");
    }
}
