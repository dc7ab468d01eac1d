package smos.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The embedded log's commit. A record is acknowledged (and its decision answered) once it is in the
 * journal: everything that arrived together is one append to a file, a fraction of a millisecond. The
 * records then go into the database behind, in the database's own large group commits. An H2 commit of
 * a few dozen records costs several milliseconds, which capped 32 connections at about 1,600 decisions a
 * second when each answer waited for one; the journal is as durable as that commit was (H2's
 * {@code WRITE_DELAY=0} writes the file but does not force it to the disk either), and with
 * {@code sync} it is more so.
 *
 * <p>A reader first waits until the records acknowledged before it are in the database
 * ({@link #awaitReadable}), so a decision can be looked up as soon as it is answered. At most
 * {@link #MAX_BEHIND} records wait for the database, which bounds the memory they take: past that,
 * records wait for room, and after {@link #ROOM_WAIT_MILLIS} they are refused as unrecorded.
 */
final class JournaledCommit implements RecordWriter {
    static final int MAX_BEHIND = 20_000;
    static final long ROOM_WAIT_MILLIS = 2_000;
    private static final long READ_WAIT_MILLIS = 30_000;
    private static final long RETRY_MILLIS = 1_000;

    private record Pending(AuditRecord record, CompletableFuture<Void> done) {
    }

    private final AuditJournal journal;
    private final GroupCommit database;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(MAX_BEHIND);
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smos-audit-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final Object progress = new Object();
    private final Thread thread;
    private long journaled;
    private long stored;
    private volatile boolean accepting = true;
    private volatile boolean closing;
    private volatile AuditLog.AuditHealth journalHealth = AuditLog.AuditHealth.OK;

    JournaledCommit(AuditJournal journal, GroupCommit database) {
        this.journal = journal;
        this.database = database;
        this.thread = new Thread(this::run, "smos-audit-journal");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public CompletableFuture<Void> submit(AuditRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AuditLog.AuditHealth database = this.database.health();
        if (!accepting) {
            done.completeExceptionally(new AuditUnavailableException("the decision log is closed"));
        } else if (!database.ok()) {
            // the journal could take it, but the database has been failing: refuse now rather than pile up
            done.completeExceptionally(new AuditUnavailableException(database.reason()));
        } else {
            queue.add(new Pending(record, done));
        }
        return done;
    }

    @Override
    public AuditLog.AuditHealth health() {
        AuditLog.AuditHealth database = this.database.health();
        return database.ok() ? journalHealth : database;
    }

    @Override
    public void awaitReadable() {
        long deadline = System.currentTimeMillis() + READ_WAIT_MILLIS;
        synchronized (progress) {
            long target = journaled;
            while (stored < target) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AuditUnavailableException((target - stored) + " recorded decisions are still on their "
                            + "way from the journal into the database");
                }
                try {
                    progress.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AuditUnavailableException("interrupted while waiting for the database");
                }
            }
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(GroupCommit.MAX_BATCH);
        while (accepting || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, GroupCommit.MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) throws InterruptedException {
        if (!room.tryAcquire(batch.size(), ROOM_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            fail(batch, new AuditUnavailableException("the database is " + MAX_BEHIND + " records behind the journal"));
            return;
        }
        AuditJournal.Segment segment;
        try {
            segment = journal.append(batch.stream().map(Pending::record).toList());
            journalHealth = AuditLog.AuditHealth.OK;
        } catch (IOException | RuntimeException e) {
            room.release(batch.size());
            String reason = "the journal cannot be written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            if (journalHealth.ok()) {
                JdbcAuditLog.log().error("the decision log {}", reason);
            }
            journalHealth = new AuditLog.AuditHealth(false, reason);
            fail(batch, new AuditUnavailableException(reason));
            return;
        }
        // counted before anyone is answered, so that a read made after an answer waits for its record
        synchronized (progress) {
            journaled += batch.size();
        }
        for (Pending pending : batch) {
            store(pending.record(), segment);
        }
        batch.forEach(p -> p.done().complete(null));
    }

    /** Into the database; a failed commit is tried again until it succeeds, or the log closes (the journal keeps it). */
    private void store(AuditRecord record, AuditJournal.Segment segment) {
        database.submit(record).whenComplete((ok, failure) -> {
            if (failure == null) {
                segment.stored();
                room.release();
                synchronized (progress) {
                    stored++;
                    progress.notifyAll();
                }
            } else if (!closing) {
                retries.schedule(() -> store(record, segment), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private static void fail(List<Pending> batch, AuditUnavailableException e) {
        batch.forEach(p -> p.done().completeExceptionally(e));
    }

    /** Stops taking records, lets those taken reach the database (a few seconds at most), and closes. */
    @Override
    public void close() {
        accepting = false;
        try {
            thread.join(10_000);
            long deadline = System.currentTimeMillis() + 10_000;
            synchronized (progress) {
                while (stored < journaled && System.currentTimeMillis() < deadline) {
                    progress.wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing = true;
        retries.shutdownNow();
        database.close();
        journal.close();
    }
}
