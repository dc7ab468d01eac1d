package smos.impact;

import java.time.Instant;

/**
 * One impact run as its caller follows it: running (with its progress), then done (with its report),
 * cancelled (with the counts reached) or failed (with the reason).
 */
public final class ImpactJob {
    public enum State { RUNNING, DONE, CANCELLED, FAILED }

    private final String id;
    private final String domain;
    private final String caller;
    private final ImpactWindow window;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private volatile ImpactRun run;
    private volatile State state = State.RUNNING;
    private volatile ImpactReport report;
    private volatile String problem;
    private volatile long finishedNanos;

    ImpactJob(String id, String domain, String caller, ImpactWindow window) {
        this.id = id;
        this.domain = domain;
        this.caller = caller;
        this.window = window;
    }

    public String id() {
        return id;
    }

    public String domain() {
        return domain;
    }

    public State state() {
        return state;
    }

    void started(ImpactRun run) {
        this.run = run;
    }

    synchronized void finished(ImpactReport report) {
        this.report = report;
        finishedNanos = System.nanoTime();
        state = run != null && run.cancelled() ? State.CANCELLED : State.DONE;
    }

    synchronized void failed(String reason) {
        problem = reason;
        finishedNanos = System.nanoTime();
        state = State.FAILED;
    }

    /** Asks the run to stop; the job says cancelled once the chunks under way are done. */
    void cancel() {
        ImpactRun r = run;
        if (r != null) {
            r.cancel();
        }
    }

    /**
     * The job as JSON shows it: its state and progress ({@code read} records of at most {@code limit}),
     * and the report once done; a cancelled run's report holds the counts it reached.
     */
    public record Status(String id, String domain, String state, String caller, Instant startedAt, long elapsedMillis,
                         Instant from, Instant to, int limit, long read, long decided, long unchanged, long changed,
                         long refused, ImpactReport report, String problem) {
    }

    public synchronized Status status() {
        ImpactRun.Progress p = run == null ? new ImpactRun.Progress(0, 0, 0, 0, 0) : run.progress();
        long end = state == State.RUNNING ? System.nanoTime() : finishedNanos;
        return new Status(id, domain, state.name().toLowerCase(java.util.Locale.ROOT), caller, startedAt,
                (end - startedNanos) / 1_000_000, window.from(), window.to(), window.limit(), p.read(), p.decided(),
                p.unchanged(), p.changed(), p.refused(), report, problem);
    }
}
