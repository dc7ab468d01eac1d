package smos.kpialerts;

/** How urgent an alert is, least urgent first. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
