package smos.failure;

/** A request body that stopped arriving, or arrived slower than the server's minimum rate; nothing of it was decided. */
public class RequestTimeoutException extends Failure {
    public RequestTimeoutException(String detail) {
        super(FailureKind.REQUEST_TIMEOUT, detail);
    }
}
