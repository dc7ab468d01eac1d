package smos.kpialerts;

/** The scorecard's overall state. */
public enum Status {
    GREEN, AMBER, RED
}
