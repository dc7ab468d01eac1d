package smos.request;

import java.util.List;

/** The request is malformed or breaks the contract; each error names its field. Becomes a 400. */
public class InvalidRequestException extends smos.failure.Failure {
    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(smos.failure.FailureKind.INVALID_REQUEST, summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    @Override
    public String detail() {
        return "the request does not match the contract of this domain; see errors";
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder s = new StringBuilder();
        for (FieldError e : errors) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(e.field()).append(": ").append(e.message());
        }
        return s.toString();
    }
}
