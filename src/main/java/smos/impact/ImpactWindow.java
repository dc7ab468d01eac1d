package smos.impact;

import java.time.Instant;

/**
 * Which recorded decisions an impact run decides again: a domain's successful decisions made in
 * {@code [from, to)} (each bound optional), the first {@code limit} of them (oldest first: the log reads
 * them in that order without sorting).
 */
public record ImpactWindow(String domain, Instant from, Instant to, int limit) {
    public static final int DEFAULT_LIMIT = 100_000;
    /** The most a run decides: the size the benchmark shows within a minute on two cores. */
    public static final int MAX_LIMIT = 1_000_000;

    public ImpactWindow {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " outside 1.." + MAX_LIMIT);
        }
    }
}
