package smos.returns;

/** {@code POST /api/v1/decisions/returns}: one claim. */
public record ReturnsRequest(Claim claim) {
}
