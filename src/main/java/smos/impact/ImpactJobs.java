package smos.impact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.audit.AuditLog;
import smos.common.RequestIds;
import smos.failure.ConflictException;
import smos.failure.NotFoundException;
import smos.publish.RuleSetManager;
import smos.service.DecisionService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The impact runs of a server: at most one per domain at a time (a second is a conflict naming the
 * first), each read from the log on a thread of its own and decided on one pool of as many workers as
 * there are cores, shared by all runs so that impact never takes more than the machine. Finished runs
 * are kept, the newest {@link #KEPT}, so their callers can read the report.
 */
public final class ImpactJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImpactJobs.class);
    static final int KEPT = 20;

    private final DecisionService service;
    private final AuditLog log;
    private final CandidateChanges changes;
    private final int parallelism;
    private final ExecutorService workers;
    private final ExecutorService readers;
    private final Map<String, ImpactJob> running = new ConcurrentHashMap<>();
    private final Map<String, ImpactJob> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImpactJob> eldest) {
            return size() > KEPT && eldest.getValue().state() != ImpactJob.State.RUNNING;
        }
    };

    public ImpactJobs(DecisionService service, AuditLog log, CandidateChanges changes) {
        this(service, log, changes, Runtime.getRuntime().availableProcessors());
    }

    public ImpactJobs(DecisionService service, AuditLog log, CandidateChanges changes, int parallelism) {
        this.service = service;
        this.log = log;
        this.changes = changes;
        this.parallelism = Math.max(1, parallelism);
        this.workers = Executors.newFixedThreadPool(this.parallelism, threads("smos-impact-worker-"));
        this.readers = Executors.newCachedThreadPool(threads("smos-impact-reader-"));
    }

    /**
     * Starts a run: takes the domain's slot (409 when a run holds it), gets the candidate through the
     * gate ({@code trial}: its refusal is thrown to the caller and frees the slot), then reads and decides
     * in the background. Returns the running job.
     */
    public ImpactJob start(ImpactWindow window, String caller, Supplier<RuleSetManager.Trial> trial) {
        String domain = window.domain();
        ImpactJob job = new ImpactJob(RequestIds.next(), domain, caller, window);
        ImpactJob other = running.putIfAbsent(domain, job);
        if (other != null) {
            throw new ConflictException("an impact run of " + domain + " is already running: " + other.id()
                    + " (GET " + location(other) + "; cancel it with DELETE); one run per domain at a time");
        }
        RuleSetManager.Trial tried;
        try {
            tried = trial.get();
        } catch (RuntimeException e) {
            running.remove(domain, job);
            throw e;
        }
        ImpactRun run = new ImpactRun(service, log, workers, parallelism, tried.active(), tried.candidate(), window);
        job.started(run);
        synchronized (jobs) {
            jobs.put(job.id(), job);
        }
        try {
            readers.execute(() -> execute(job, run, tried, window));
        } catch (RuntimeException e) {
            running.remove(domain, job);
            throw e;
        }
        return job;
    }

    private void execute(ImpactJob job, ImpactRun run, RuleSetManager.Trial trial, ImpactWindow window) {
        long started = System.nanoTime();
        try {
            CandidateChanges.Found found = changes.between(trial.active().bundle(), trial.candidate().bundle());
            ImpactTally tally = run.run();
            job.finished(new ImpactReport(window.domain(), trial.active().version(), trial.candidate().version(),
                    window.from(), window.to(), window.limit(), tally.decided, tally.unchanged, tally.changed,
                    tally.refused, tally.fields(), tally.rules(), found.cells(), found.untested(),
                    trial.verdict().warnings(), tally.refusals(), (System.nanoTime() - started) / 1_000_000));
        } catch (RuntimeException e) {
            LOG.error("impact run {} of {} failed", job.id(), job.domain(), e);
            job.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            running.remove(job.domain(), job);
        }
    }

    /** The job of that domain and id; 404 otherwise. */
    public ImpactJob job(String domain, String id) {
        ImpactJob job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        return Optional.ofNullable(job).filter(j -> j.domain().equals(domain))
                .orElseThrow(() -> new NotFoundException("no impact run " + id + " of " + domain
                        + " (the newest " + KEPT + " are kept)"));
    }

    /** The run that holds the domain's slot now, if one does. */
    public Optional<ImpactJob> running(String domain) {
        return Optional.ofNullable(running.get(domain));
    }

    /** Cancels the job (a finished one stays as it is) and returns it. */
    public ImpactJob cancel(String domain, String id) {
        ImpactJob job = job(domain, id);
        job.cancel();
        return job;
    }

    public static String location(ImpactJob job) {
        return "/api/v1/domains/" + job.domain() + "/impact/" + job.id();
    }

    @Override
    public void close() {
        running.values().forEach(ImpactJob::cancel);
        readers.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
