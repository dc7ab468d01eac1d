package smos.failure;

/** No credentials, or credentials that match no token. */
public class UnauthorizedException extends Failure {
    public UnauthorizedException(String detail) {
        super(FailureKind.UNAUTHORIZED, detail);
    }
}
