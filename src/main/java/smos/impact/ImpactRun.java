package smos.impact;

import com.fasterxml.jackson.databind.JsonNode;
import smos.audit.AuditLog;
import smos.audit.AuditQuery;
import smos.audit.AuditRecord;
import smos.audit.DecisionDiff;
import smos.engine.CompiledRuleSet;
import smos.request.Json;
import smos.service.DecisionResponse;
import smos.service.DecisionService;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One impact run: the recorded requests of a window, streamed from the log oldest first, each decided
 * by the version serving and by the candidate and compared as a replay compares ({@link DecisionDiff}).
 * Requests are decided in chunks on a bounded pool; at most {@link #CHUNKS_IN_FLIGHT} chunks per worker
 * are held at once, so memory stays bounded however many records the window holds: the log is read
 * only as fast as the workers decide. Cancelling stops the read and the chunks not yet begun.
 */
final class ImpactRun {
    static final int CHUNK = 500;
    private static final int CHUNKS_IN_FLIGHT = 2;

    private final DecisionService service;
    private final AuditLog log;
    private final Executor workers;
    private final int parallelism;
    private final CompiledRuleSet active;
    private final CompiledRuleSet candidate;
    private final ImpactWindow window;
    private final ImpactTally total = new ImpactTally();
    private final AtomicLong read = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    ImpactRun(DecisionService service, AuditLog log, Executor workers, int parallelism, CompiledRuleSet active,
              CompiledRuleSet candidate, ImpactWindow window) {
        this.service = service;
        this.log = log;
        this.workers = workers;
        this.parallelism = parallelism;
        this.active = active;
        this.candidate = candidate;
        this.window = window;
    }

    /** Progress so far: records read, and the counts of the chunks decided. */
    record Progress(long read, long decided, long unchanged, long changed, long refused) {
    }

    /** Decides the window; returns the tally (partial when cancelled). */
    ImpactTally run() {
        int permits = parallelism * CHUNKS_IN_FLIGHT;
        Semaphore inFlight = new Semaphore(permits);
        List<AuditRecord>[] chunk = new List[]{new ArrayList<>(CHUNK)};
        AuditQuery query = new AuditQuery(window.domain(), window.from(), window.to(), null, null, "ok", null, 0);
        try {
            log.replayInput(query, window.limit(), record -> {
                if (cancelled) {
                    throw new Stopped();
                }
                read.incrementAndGet();
                chunk[0].add(record);
                if (chunk[0].size() == CHUNK) {
                    submit(chunk[0], inFlight);
                    chunk[0] = new ArrayList<>(CHUNK);
                }
            });
            submit(chunk[0], inFlight);
        } catch (Stopped stopped) {
            // cancelled: the chunks under way finish, the rest are not read
        }
        inFlight.acquireUninterruptibly(permits);
        Throwable failed = failure.get();
        if (failed != null) {
            throw failed instanceof RuntimeException e ? e : new IllegalStateException(failed);
        }
        synchronized (total) {
            return total;
        }
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    Progress progress() {
        synchronized (total) {
            return new Progress(read.get(), total.decided, total.unchanged, total.changed, total.refused);
        }
    }

    private void submit(List<AuditRecord> records, Semaphore inFlight) {
        if (records.isEmpty()) {
            return;
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            throw new Stopped();
        }
        try {
            workers.execute(() -> {
                try {
                    if (!cancelled) {
                        ImpactTally tally = decide(records);
                        synchronized (total) {
                            total.add(tally);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    cancelled = true;
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException rejected) {
            inFlight.release();
            throw rejected;
        }
    }

    private ImpactTally decide(List<AuditRecord> records) {
        ImpactTally tally = new ImpactTally();
        for (AuditRecord record : records) {
            if (cancelled) {
                break;
            }
            byte[] request = record.request() == null ? new byte[0] : record.request().getBytes(StandardCharsets.UTF_8);
            DecisionResponse before = decide(active, request, record, tally);
            DecisionResponse after = before == null ? null : decide(candidate, request, record, tally);
            if (after == null) {
                continue;
            }
            JsonNode beforeTree = Json.mapper().valueToTree(before.decision());
            JsonNode afterTree = Json.mapper().valueToTree(after.decision());
            tally.decided(record.decisionId(), DecisionDiff.between(beforeTree, afterTree), before.trace(), after.trace());
        }
        return tally;
    }

    /** The decision of one version, or null with the refusal counted: a request it does not decide is news, not a failure of the run. */
    private DecisionResponse decide(CompiledRuleSet version, byte[] request, AuditRecord record, ImpactTally tally) {
        try {
            return service.decideWith(version, request);
        } catch (RuntimeException e) {
            tally.refused(new ImpactTally.Refusal(record.decisionId(), version.version(), e.getMessage()));
            return null;
        }
    }

    /** Thrown from the log's reader to stop it. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
