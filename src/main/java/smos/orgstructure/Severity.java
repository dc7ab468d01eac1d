package smos.orgstructure;

/** A BLOCKER rejects the structure; a WARNING is reported and does not. */
public enum Severity {
    BLOCKER, WARNING
}
