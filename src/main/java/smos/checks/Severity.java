package smos.checks;

/**
 * How much a finding matters. An error refuses a version at the publishing gate and fails
 * {@code verify}; a warning is reported and lets the version through; information explains how a
 * table behaves (which row wins where rows overlap in a first-match table) and is listed on request.
 */
public enum Severity {
    ERROR, WARNING, INFO
}
