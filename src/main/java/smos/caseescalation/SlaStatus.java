package smos.caseescalation;

/** Where the case stands against its first-response target. */
public enum SlaStatus {
    ON_TRACK, AT_RISK, BREACHED, MET
}
