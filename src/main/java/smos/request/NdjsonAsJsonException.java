package smos.request;

/**
 * JSON values one after the other where one was expected (a second object after the request, an
 * object where a batch's array belongs): what NDJSON sent as {@code application/json} looks like, so
 * the answer says how to send it. The single-decision endpoint names its batch endpoint
 * ({@link #sendTo}); the batch endpoint is already the right place.
 */
public class NdjsonAsJsonException extends InvalidRequestException {
    public static final String NDJSON = "application/x-ndjson";

    private final String batchPath;

    public NdjsonAsJsonException(String message) {
        this(message, null);
    }

    private NdjsonAsJsonException(String message, String batchPath) {
        super(FieldError.BODY, message);
        this.batchPath = batchPath;
    }

    /** The same failure, its detail naming the endpoint the NDJSON belongs to. */
    public NdjsonAsJsonException sendTo(String batchPath) {
        return new NdjsonAsJsonException(errors().get(0).message(), batchPath);
    }

    @Override
    public String detail() {
        return "the body holds JSON values one after the other, as NDJSON does: send them with Content-Type: "
                + NDJSON + (batchPath == null ? "" : " to " + batchPath)
                + " (a single request is one JSON object; a batch sent as application/json is one JSON array)";
    }
}
