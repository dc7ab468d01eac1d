package smos.audit;

import java.time.Instant;

/**
 * A search of the log: each filter may be null. {@code status} is an HTTP status, or {@code ok} (200) or
 * {@code refused} (any 4xx and 5xx). Newest first; {@code before} is the paging cursor: the last decision
 * id of the previous page.
 */
public record AuditQuery(String domain, Instant from, Instant to, String version, String caller, String status,
                         String before, int limit) {

    /** Pages are bounded so one read cannot pull the whole log into memory. */
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public AuditQuery {
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        limit = Math.min(limit, MAX_LIMIT);
    }
}
