package smos.publish;

/** A publish request that cannot be applied as asked (a bad file name, an unknown version). A 400. */
public class InvalidChangeException extends RuntimeException {
    public InvalidChangeException(String message) {
        super(message);
    }
}
