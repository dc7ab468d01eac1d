package smos.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where decisions are kept. {@link #append} completes once the record is committed, so that a
 * decision can be answered only after it is on record; records arriving together are committed
 * together (group commit).
 */
public interface AuditLog extends AutoCloseable {

    /** Completes when the record is committed, or exceptionally when it could not be written. */
    CompletableFuture<Void> append(AuditRecord record);

    /**
     * As {@link #append}, for a record of a group that arrives together (a chunk of a batch): such groups are
     * large commits of their own, so they may go to the database directly rather than through a journal.
     */
    default CompletableFuture<Void> appendOfGroup(AuditRecord record) {
        return append(record);
    }

    AuditPage query(AuditQuery query);

    /** Every record the query matches, newest first, without the page limit: the NDJSON export. */
    void export(AuditQuery query, Consumer<AuditRecord> sink);

    /**
     * The first {@code max} records of one domain the query matches, oldest first, streamed to the sink
     * without holding them: the input of an impact run. A sink that throws stops the read.
     */
    void replayInput(AuditQuery query, int max, Consumer<AuditRecord> sink);

    Optional<AuditRecord> find(String decisionId);

    /**
     * Erases the records of {@code domain} (every domain when null) whose request holds {@code value} at
     * {@code field} (a path such as {@code customer.customerId}), and the refused requests whose kept body
     * contains it; records the erasure (never the value) and returns it.
     */
    Erasure erase(String domain, String field, String value, String erasedBy);

    /** The erasures on record, newest first. */
    java.util.List<Erasure> erasures();

    /** Deletes up to {@code batch} records decided before {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff, int batch);

    /** Whether the last write succeeded, and why not. */
    AuditHealth health();

    /** Whether the database answers now (asked, not remembered from the last write), and why not. */
    AuditHealth probe();

    @Override
    void close();

    /** {@code ok} false with the reason when the last write failed. */
    record AuditHealth(boolean ok, String reason) {
        public static final AuditHealth OK = new AuditHealth(true, null);
    }
}
