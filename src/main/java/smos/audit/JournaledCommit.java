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
import java.util.concurrent.locks.ReentrantLock;

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
    /** How long the database's commit waits to fill up: nobody waits for it but a reader, who cuts it short. */
    static final java.time.Duration LINGER = java.time.Duration.ofMillis(200);

    /** A record as its journal line, which is all the database needs of it too (see {@link GroupCommit}). */
    private record Pending(byte[] line, CompletableFuture<Void> done) {
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
    /** Held by the request thread that appends, for itself and for every record queued meanwhile. */
    private final ReentrantLock appending = new ReentrantLock();
    private long journaled;
    private long stored;
    private volatile boolean accepting = true;
    private volatile boolean closing;
    private volatile AuditLog.AuditHealth journalHealth = AuditLog.AuditHealth.OK;

    JournaledCommit(AuditJournal journal, GroupCommit database) {
        this.journal = journal;
        this.database = database;
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
            queue.add(new Pending(AuditJournal.line(record), done));
            appendWhileQueued();
        }
        return done;
    }

    /**
     * Group commit without a writer thread, and without waiting in line: a caller that finds the journal
     * free appends everything queued (its own record and those that arrived meanwhile), and looks again
     * once it has let go; a caller that finds it busy leaves its record to the holder and waits only for
     * its own record. Two earlier forms cost half the speed: a writer thread that every request waited
     * for (it had to be scheduled among the request threads on few cores), and callers queueing for the
     * lock, each woken in turn only to find its record already written. Nothing is left behind: a record
     * is queued before its caller tries the lock, and a holder looks at the queue after letting go.
     */
    private void appendWhileQueued() {
        List<Pending> batch = new ArrayList<>();
        while (!queue.isEmpty() && appending.tryLock()) {
            AuditJournal.Segment segment;
            try {
                queue.drainTo(batch, GroupCommit.MAX_BATCH); // empty when another holder took it meanwhile
                segment = batch.isEmpty() ? null : write(batch);
            } finally {
                appending.unlock();
            }
            if (segment != null) {
                // answered and sent on to the database outside the lock: the next group need not wait for it
                for (Pending pending : batch) {
                    store(pending.line(), segment);
                }
                batch.forEach(p -> p.done().complete(null));
            }
            batch.clear();
        }
    }

    /**
     * Straight into the database, committed before it completes, without lingering: a batch's chunk is a
     * large group already, and journaling it as well would write each of its records twice (measured: the
     * batch fell below half the speed of a batch without the log).
     */
    @Override
    public CompletableFuture<Void> submitOfGroup(AuditRecord record) {
        if (!accepting) {
            return CompletableFuture.failedFuture(new AuditUnavailableException("the decision log is closed"));
        }
        CompletableFuture<Void> committed = database.submit(record);
        database.flushSoon();
        return committed;
    }

    @Override
    public AuditLog.AuditHealth health() {
        AuditLog.AuditHealth database = this.database.health();
        return database.ok() ? journalHealth : database;
    }

    @Override
    public void awaitReadable() {
        database.flushSoon();
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

    /** Appends a group to the journal, and returns its segment; null when the group was refused (each told why). */
    private AuditJournal.Segment write(List<Pending> batch) {
        try {
            if (!room.tryAcquire(batch.size(), ROOM_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                fail(batch, new AuditUnavailableException("the database is " + MAX_BEHIND + " records behind the journal"));
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(batch, new AuditUnavailableException("interrupted while waiting for room in the journal"));
            return null;
        }
        AuditJournal.Segment segment;
        try {
            segment = journal.append(batch.stream().map(Pending::line).toList());
            journalHealth = AuditLog.AuditHealth.OK;
        } catch (IOException | RuntimeException e) {
            room.release(batch.size());
            String reason = "the journal cannot be written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            if (journalHealth.ok()) {
                JdbcAuditLog.log().error("the decision log {}", reason);
            }
            journalHealth = new AuditLog.AuditHealth(false, reason);
            fail(batch, new AuditUnavailableException(reason));
            return null;
        }
        // counted before anyone is answered, so that a read made after an answer waits for its record
        synchronized (progress) {
            journaled += batch.size();
        }
        return segment;
    }

    /** Into the database; a failed commit is tried again until it succeeds, or the log closes (the journal keeps it). */
    private void store(byte[] line, AuditJournal.Segment segment) {
        database.submitLine(line).whenComplete((ok, failure) -> {
            if (failure == null) {
                segment.stored();
                room.release();
                synchronized (progress) {
                    stored++;
                    progress.notifyAll();
                }
            } else if (!closing) {
                retries.schedule(() -> store(line, segment), RETRY_MILLIS, TimeUnit.MILLISECONDS);
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
            // no append is half done after this: the lock's holder has finished writing
            appending.lock();
            appending.unlock();
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
