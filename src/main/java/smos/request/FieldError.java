package smos.request;

/** One problem with the request: {@code field} is a JSON path such as {@code claim.claimDate}, {@code $} for the body. */
public record FieldError(String field, String message) {
    public static final String BODY = "$";
}
