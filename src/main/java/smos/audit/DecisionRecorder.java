package smos.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import smos.common.RequestIds;
import smos.request.Json;
import smos.service.BatchDecisions;
import smos.service.BatchRecords;
import smos.service.DecisionResponse;
import smos.service.Metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Puts decisions on record before they are answered. When the log cannot be written, a required log
 * refuses the decision ({@link AuditUnavailableException}, a 503); a log that is not required lets it
 * through and counts it in {@code /metrics}. Domains may opt out; with the log off nothing is kept.
 */
public final class DecisionRecorder {
    /** Longer than any group commit; a database that is away fails faster (the pool's 2 s timeout). */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

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
        await(record(decidedRecord(response, caller, requestBody), true));
    }

    /**
     * Records a refused request with its problem, the first 4 KB of its body and the body's hash. A log
     * that cannot be written never replaces the refusal the client gets.
     */
    public void refused(String decisionId, String domain, String caller, int status, Object problem, byte[] body) {
        if (skip(domain)) {
            return;
        }
        await(record(refusedRecord(decisionId, domain, caller, status, problem, body), false));
    }

    /**
     * What a batch of {@code caller} puts on record: each item as a single request would be, under the
     * item's own decision id, with the same rules when the log cannot be written.
     */
    public BatchRecords forBatch(String caller) {
        if (log == null) {
            return BatchRecords.NONE;
        }
        return new BatchRecords() {
            @Override
            public CompletableFuture<Void> decided(DecisionResponse response, byte[] request) {
                return skip(response.domain()) ? DONE : record(decidedRecord(response, caller, request), true, true);
            }

            @Override
            public CompletableFuture<Void> refused(String decisionId, String domain, BatchDecisions.ItemError error,
                                                   byte[] body) {
                return skip(domain) ? DONE
                        : record(refusedRecord(decisionId, domain, caller, error.status(), error, body), false, true);
            }
        };
    }

    private static AuditRecord decidedRecord(DecisionResponse response, String caller, byte[] requestBody) {
        return new AuditRecord(response.decisionId(), RequestIds.time(response.decisionId()), response.domain(), response.rulesetVersion(),
                caller, 200, response.durationMicros(), new String(requestBody, StandardCharsets.UTF_8),
                json(response.decision()), json(response.trace()), null, null, null);
    }

    private static AuditRecord refusedRecord(String decisionId, String domain, String caller, int status,
                                             Object problem, byte[] body) {
        String prefix = body == null ? null
                : new String(body, 0, Math.min(body.length, AuditRecord.BODY_PREFIX_BYTES), StandardCharsets.UTF_8);
        return new AuditRecord(decisionId, RequestIds.time(decisionId), domain, null, caller, status, null, null, null, null,
                json(problem), prefix, body == null ? null : sha256(body));
    }

    private boolean skip(String domain) {
        return log == null || domain == null || optedOut.contains(domain);
    }

    /**
     * Starts recording; the future completes once the record is committed, or once the answer may go
     * without it (counted in /metrics); it fails with {@link AuditUnavailableException} when a required
     * log cannot take a decision.
     */
    private CompletableFuture<Void> record(AuditRecord record, boolean answerWaits) {
        return record(record, answerWaits, false);
    }

    /** {@code ofGroup}: a batch item, whose chunk is committed as a group of its own. */
    private CompletableFuture<Void> record(AuditRecord record, boolean answerWaits, boolean ofGroup) {
        return (ofGroup ? log.appendOfGroup(record) : log.append(record)).orTimeout(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS).handle((ok, error) -> {
            if (error == null) {
                metrics.auditRecorded();
                return null;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (required && answerWaits) {
                throw new AuditUnavailableException(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            }
            metrics.auditUnrecorded();
            return null;
        });
    }

    private static void await(CompletableFuture<Void> recorded) {
        try {
            recorded.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuditUnavailableException unavailable) {
                throw unavailable;
            }
            throw new IllegalStateException("recording a decision failed", e.getCause());
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
