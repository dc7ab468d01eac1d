package smos.failure;

/** A body, batch item, NDJSON line, list or file larger than the service takes; nothing of it was decided. */
public class LimitExceededException extends Failure {
    public LimitExceededException(String detail) {
        super(FailureKind.LIMIT_EXCEEDED, detail);
    }
}
