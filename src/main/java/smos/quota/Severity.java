package smos.quota;

/** A BLOCKER rejects the plan; a WARNING or an INFO is reported and does not. */
public enum Severity {
    BLOCKER, WARNING, INFO
}
