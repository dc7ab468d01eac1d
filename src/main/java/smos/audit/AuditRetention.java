package smos.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes records older than the retention in the background, in small batches with a pause between
 * them, so that the deletion never holds the log for long while decisions are being recorded.
 */
public final class AuditRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);
    static final int BATCH = 1000;
    private static final Duration EVERY = Duration.ofHours(1);

    private final AuditLog log;
    private final Duration keep;
    private final ScheduledExecutorService scheduler;

    private AuditRetention(AuditLog log, Duration keep) {
        this.log = log;
        this.keep = keep;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smos-audit-retention");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs now (after a minute, out of start-up's way) and every hour. */
    public static AuditRetention start(AuditLog log, Duration keep) {
        AuditRetention retention = new AuditRetention(log, keep);
        retention.scheduler.scheduleWithFixedDelay(retention::runQuietly, 60, EVERY.toSeconds(), TimeUnit.SECONDS);
        return retention;
    }

    /** Deletes every record older than the retention, batch by batch; returns how many. */
    public static long purge(AuditLog log, Duration keep, Instant now) {
        Instant cutoff = now.minus(keep);
        long total = 0;
        for (int deleted; (deleted = log.deleteBefore(cutoff, BATCH)) > 0; ) {
            total += deleted;
            if (deleted == BATCH) {
                pause();
            }
        }
        return total;
    }

    private void runQuietly() {
        try {
            long deleted = purge(log, keep, Instant.now());
            if (deleted > 0) {
                LOG.info("decision log: {} records older than {} days deleted", deleted, keep.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("decision log retention could not run: {}", e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
