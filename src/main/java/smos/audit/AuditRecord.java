package smos.audit;

import java.time.Instant;

/**
 * One decision on record, or one refused request. A decision keeps the request as received, the
 * decision, the trace and the version that made it; a refused request keeps its problem, the first
 * {@link #BODY_PREFIX_BYTES} bytes of its body and the body's SHA-256, so a hostile body cannot fill
 * the log. JSON columns are JSON text. {@code decidedAt} is the moment the decision's id was given (its
 * request taken, or its batch item reached), the time a UUIDv7 holds: the log's searches, windows and
 * retention go by the id, so a record's time and its place in the log are one.
 */
public record AuditRecord(String decisionId, Instant decidedAt, String domain, String rulesetVersion, String caller,
                          int status, Long durationMicros, String request, String decision, String trace,
                          String problem, String bodyPrefix, String bodySha256) {

    /** How much of a refused body is kept. */
    public static final int BODY_PREFIX_BYTES = 4096;
    /** The caller of a request that presented no token. */
    public static final String ANONYMOUS = "anonymous";

    public boolean refused() {
        return status >= 400;
    }
}
