package smos.territory;

/** Who owns an open deal after the re-organization. */
public enum DealOwner {
    ORIGINAL_REP, NEW_REGION
}
