package smos.failure;

/** Too many connections or requests from one client. */
public class TooManyRequestsException extends Failure {
    public TooManyRequestsException(String detail) {
        super(FailureKind.TOO_MANY_REQUESTS, detail);
    }
}
