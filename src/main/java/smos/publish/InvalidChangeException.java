package smos.publish;

/** A publish request that cannot be applied as asked (a bad file name, an unknown version). A 400. */
public class InvalidChangeException extends smos.failure.Failure {
    public InvalidChangeException(String message) {
        super(smos.failure.FailureKind.INVALID_CHANGE, message);
    }
}
