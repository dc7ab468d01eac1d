package smos.territory;

/** Who owns an open deal; {@code ownerRepId} is the original rep, or null when the deal goes to the new region. */
public record DealOwnership(String dealId, DealOwner owner, String ownerRepId, String reason) {
}
