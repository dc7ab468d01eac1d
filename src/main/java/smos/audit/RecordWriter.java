package smos.audit;

import java.util.concurrent.CompletableFuture;

/** How the log takes a record: straight into the database ({@link GroupCommit}), or through a journal first. */
interface RecordWriter extends AutoCloseable {

    /** Completes once the record is durable (a client may then be answered), or exceptionally when it is not. */
    CompletableFuture<Void> submit(AuditRecord record);

    /** As {@link #submit}, for a record of a group that arrives together and makes a large commit of its own. */
    default CompletableFuture<Void> submitOfGroup(AuditRecord record) {
        return submit(record);
    }

    AuditLog.AuditHealth health();

    /** Returns once every record acknowledged before the call can be read from the database. */
    void awaitReadable();

    @Override
    void close();
}
