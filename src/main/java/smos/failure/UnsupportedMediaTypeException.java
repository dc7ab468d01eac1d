package smos.failure;

/** A body of a type the endpoint does not read. */
public class UnsupportedMediaTypeException extends Failure {
    public UnsupportedMediaTypeException(String detail) {
        super(FailureKind.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}
