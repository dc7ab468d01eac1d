package smos.audit;

import javax.sql.DataSource;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit: records wait in a queue; one writer thread takes whatever has arrived (up to
 * {@link #MAX_BATCH}), inserts it as one batch in one transaction, commits, and only then completes
 * each record's future. Under load a commit carries hundreds of decisions, so the log costs a few
 * milliseconds of latency and little throughput; a lone request waits for one small commit.
 */
final class GroupCommit implements RecordWriter {
    static final int MAX_BATCH = 1000;
    private static final long LINGER_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    interface Binder {
        void bind(PreparedStatement statement, AuditRecord record) throws SQLException;
    }

    /**
     * A record, or its journal line: behind the journal a record waits here for the linger, often long enough
     * to outlive a young collection, and one array is cheaper for the collector to copy than the dozen objects
     * of a record. That copying is most of what the log adds to the slowest answers; waiting as lines cut the
     * young pause from 3.4-3.7 ms to 2.8-3.1 ms at 16,000 decisions a second (docs/benchmarks.md).
     */
    private record Pending(AuditRecord record, byte[] line, CompletableFuture<Void> done) {
        AuditRecord toRecord() {
            return record != null ? record : AuditJournal.record(line);
        }
    }

    private final DataSource dataSource;
    private final String insert;
    private final Binder binder;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile AuditLog.AuditHealth health = AuditLog.AuditHealth.OK;
    private final long lingerNanos;
    private volatile boolean flushNow;

    GroupCommit(DataSource dataSource, String insert, Binder binder) {
        this(dataSource, insert, binder, Duration.ZERO);
    }

    /**
     * @param linger how long a commit waits for more records once one has arrived: zero when clients wait for
     *               the commit; behind a journal, where nobody does, a fuller commit is cheaper (H2 writes a new
     *               chunk of pages per commit, and many small chunks cost CPU, disk and compaction)
     */
    GroupCommit(DataSource dataSource, String insert, Binder binder, Duration linger) {
        this.lingerNanos = linger.toNanos();
        this.dataSource = dataSource;
        this.insert = insert;
        this.binder = binder;
        this.thread = new Thread(this::run, "smos-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public CompletableFuture<Void> submit(AuditRecord record) {
        return enqueue(record, null);
    }

    /** As {@link #submit}, for a record as its journal line. */
    CompletableFuture<Void> submitLine(byte[] line) {
        return enqueue(null, line);
    }

    private CompletableFuture<Void> enqueue(AuditRecord record, byte[] line) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the decision log is closed"));
            return done;
        }
        queue.add(new Pending(record, line, done));
        return done;
    }

    @Override
    public AuditLog.AuditHealth health() {
        return health;
    }

    /** A record is acknowledged only once it is committed, so it can be read already. */
    @Override
    public void awaitReadable() {
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                linger(batch);
                flushNow = false;
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Commits what is queued without lingering: a reader, or a batch's chunk, waits for it. */
    void flushSoon() {
        flushNow = true;
        LockSupport.unpark(thread); // out of its nap now, not at the end of the nap
    }

    /**
     * Waits for the commit to fill, in short naps rather than on the queue: a wait on the queue was woken
     * by every record that arrived (thousands a second behind the journal, a context switch each on few
     * cores); a nap wakes 200 times a second, or at once for a {@link #flushSoon}.
     */
    private void linger(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (running && !flushNow && batch.size() + queue.size() < MAX_BATCH) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, Math.min(left, LINGER_STEP_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        queue.drainTo(batch, MAX_BATCH - batch.size());
    }

    private void write(List<Pending> batch) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(insert)) {
                for (Pending p : batch) {
                    binder.bind(s, p.toRecord());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            health = AuditLog.AuditHealth.OK;
            batch.forEach(p -> p.done().complete(null));
        } catch (SQLException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (health.ok()) {
                JdbcAuditLog.log().error("the decision log cannot be written: {}", reason);
            }
            health = new AuditLog.AuditHealth(false, reason);
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
