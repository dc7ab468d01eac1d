package smos.service;

import java.util.concurrent.CompletableFuture;

/**
 * Where a batch puts each item on record (the decision log) before the item's result is written.
 * Recording starts as soon as the item is decided and the batch waits for it only when it writes the
 * item's line, so the commits of one chunk overlap the deciding of the next.
 */
public interface BatchRecords {

    /**
     * Starts recording a decided item. The future completes once the record is committed (or once the
     * item may be answered without one); it completes exceptionally with the {@link smos.failure.Failure}
     * that takes the decision's place when the item must not be answered unrecorded.
     */
    CompletableFuture<Void> decided(DecisionResponse response, byte[] request);

    /**
     * Starts recording an item refused with {@code error}; {@code body} is the item as sent (null when it
     * was too large to be held). The future never fails: a log that cannot be written does not replace
     * the refusal.
     */
    CompletableFuture<Void> refused(String decisionId, String domain, BatchDecisions.ItemError error, byte[] body);

    /** Nothing is recorded: the CLI, and servers with the log off. */
    BatchRecords NONE = new BatchRecords() {
        @Override
        public CompletableFuture<Void> decided(DecisionResponse response, byte[] request) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> refused(String decisionId, String domain, BatchDecisions.ItemError error,
                                               byte[] body) {
            return CompletableFuture.completedFuture(null);
        }
    };
}
