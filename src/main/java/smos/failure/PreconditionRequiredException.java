package smos.failure;

/** A change that does not name the version it replaces. */
public class PreconditionRequiredException extends Failure {
    public PreconditionRequiredException(String detail) {
        super(FailureKind.PRECONDITION_REQUIRED, detail);
    }
}
