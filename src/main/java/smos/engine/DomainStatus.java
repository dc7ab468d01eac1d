package smos.engine;

/** Whether a domain can answer decisions. */
public enum DomainStatus {
    /** A compiled version serves decisions. */
    ACTIVE,
    /** No version compiled: decisions answer 503 until the rule files are fixed. */
    FAILED
}
