package smos.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import smos.request.Json;
import smos.service.DecisionResponse;
import smos.service.Metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts decisions on record before they are answered. When the log cannot be written, a required log
 * refuses the decision ({@link AuditUnavailableException}, a 503); a log that is not required lets it
 * through and counts it in {@code /metrics}. Domains may opt out; with the log off nothing is kept.
 */
public final class DecisionRecorder {
    /** Longer than any group commit; a database that is away fails faster (the pool's 2 s timeout). */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);

    private final AuditLog log;
    private final boolean required;
    private final Set<String> optedOut;
    private final Metrics metrics;

    public DecisionRecorder(AuditLog log, boolean required, Set<String> optedOut, Metrics metrics) {
        this.log = log;
        this.required = required;
        this.optedOut = Set.copyOf(optedOut);
        this.metrics = metrics;
    }

    /** Nothing is recorded. */
    public static DecisionRecorder off(Metrics metrics) {
        return new DecisionRecorder(null, false, Set.of(), metrics);
    }

    public boolean enabled() {
        return log != null;
    }

    /** The log itself, for reading; null when off. */
    public AuditLog log() {
        return log;
    }

    public boolean required() {
        return required;
    }

    /** Records a decision; returns once it is committed. */
    public void decided(DecisionResponse response, String caller, byte[] requestBody) {
        if (skip(response.domain())) {
            return;
        }
        record(new AuditRecord(response.decisionId(), Instant.now(), response.domain(), response.rulesetVersion(),
                caller, 200, response.durationMicros(), new String(requestBody, StandardCharsets.UTF_8),
                json(response.decision()), json(response.trace()), null, null, null), true);
    }

    /**
     * Records a refused request with its problem, the first 4 KB of its body and the body's hash. A log
     * that cannot be written never replaces the refusal the client gets.
     */
    public void refused(String decisionId, String domain, String caller, int status, Object problem, byte[] body) {
        if (skip(domain)) {
            return;
        }
        String prefix = body == null ? null
                : new String(body, 0, Math.min(body.length, AuditRecord.BODY_PREFIX_BYTES), StandardCharsets.UTF_8);
        record(new AuditRecord(decisionId, Instant.now(), domain, null, caller, status, null, null, null, null,
                json(problem), prefix, body == null ? null : sha256(body)), false);
    }

    private boolean skip(String domain) {
        return log == null || domain == null || optedOut.contains(domain);
    }

    private void record(AuditRecord record, boolean answerWaits) {
        try {
            log.append(record).get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            metrics.auditRecorded();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (required && answerWaits) {
                throw new AuditUnavailableException(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            }
            metrics.auditUnrecorded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the commit");
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a record", e);
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
