package smos.failure;

/** The caller's role does not allow this, or the feature is off. */
public class ForbiddenException extends Failure {
    public ForbiddenException(String detail) {
        super(FailureKind.FORBIDDEN, detail);
    }
}
