package smos.failure;

/** A version, record or file that does not exist. */
public class NotFoundException extends Failure {
    public NotFoundException(String detail) {
        super(FailureKind.NOT_FOUND, detail);
    }
}
