package smos.engine;

/** Whether a domain can answer decisions, and whether what it serves is what its files say. */
public enum DomainStatus {
    /** Serves the version its files on disk describe. */
    ACTIVE,
    /** Serves a good earlier version: the newest files were rejected (see the rejection). */
    STALE,
    /** No version to serve: decisions answer 503 until the rule files are fixed. */
    FAILED
}
