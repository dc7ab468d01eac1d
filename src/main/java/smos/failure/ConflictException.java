package smos.failure;

/** The change names a base version that no longer serves. */
public class ConflictException extends Failure {
    public ConflictException(String detail) {
        super(FailureKind.CONFLICT, detail);
    }
}
