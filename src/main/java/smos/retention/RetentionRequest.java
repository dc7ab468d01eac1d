package smos.retention;

/** {@code POST /api/v1/decisions/retention}: one customer. */
public record RetentionRequest(Customer customer) {
}
