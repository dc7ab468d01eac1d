package smos.caseescalation;

/** Case priority, most urgent first. */
public enum Priority {
    P1, P2, P3, P4
}
