package smos.failure;

/** Nothing could be written (a full disk): the change was refused whole. */
public class InsufficientStorageException extends Failure {
    public InsufficientStorageException(String detail) {
        super(FailureKind.INSUFFICIENT_STORAGE, detail);
    }
}
