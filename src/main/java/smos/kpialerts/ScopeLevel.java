package smos.kpialerts;

/** Whose scorecard it is. */
public enum ScopeLevel {
    REP, REGION, COMPANY
}
