package smos.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.common.RequestIds;
import smos.failure.Failure;
import smos.failure.FailureKind;
import smos.request.FieldError;
import smos.request.InvalidRequestException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many decisions in one stream: {@link BatchItems} in, one result per item out through
 * {@link BatchResults}, in order. One bad item does not fail the others. Items are read, decided and
 * written a chunk at a time on the workers given, so a million-item batch needs no more memory than a
 * small one.
 */
public final class BatchDecisions {
    private static final Logger LOG = LoggerFactory.getLogger(BatchDecisions.class);
    /** Items decided per chunk: enough to keep every worker busy, small enough to keep memory flat. */
    private static final int CHUNK_ITEMS = 512;
    /** And at most this many bytes of items per chunk: items of up to the single-request limit add up. */
    private static final long CHUNK_BYTES = 4L * 1024 * 1024;

    private final DecisionService service;
    private final Metrics metrics;
    private final Executor workers;
    private final int parallelism;

    /**
     * @param workers     where items are decided (owned by the caller, who shuts it down)
     * @param parallelism how many slices a chunk is cut into: the workers' thread count
     */
    public BatchDecisions(DecisionService service, Metrics metrics, Executor workers, int parallelism) {
        this.service = service;
        this.metrics = metrics;
        this.workers = workers;
        this.parallelism = Math.max(1, parallelism);
    }

    /** A pool of daemon threads named {@code smos-batch}, one per core by default. */
    public static ExecutorService workerPool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "smos-batch");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code trace}: include each item's fired rules. Past {@code maxItems} or {@code maxBytes} the batch stops with an error item. */
    public record Options(boolean trace, long maxItems, long maxBytes) {
        public static Options unlimited(boolean trace) {
            return new Options(trace, Long.MAX_VALUE, Long.MAX_VALUE);
        }
    }

    /** What a batch did: items answered, how many were errors, how long it took, and why it stopped early if it did. */
    public record Summary(long items, long errors, long nanos, String stoppedBecause) {
        public double perSecond() {
            return nanos == 0 ? 0 : items * 1e9 / nanos;
        }
    }

    /** Called after each item, for progress bars; and with each failed item. */
    public interface Progress {
        void item(long done, long errors);

        /** {@code line}: where the item starts in the input (1-based; 0 when not known). */
        default void failed(long index, long line, ItemError error) {
        }

        Progress NONE = (done, errors) -> {
        };
    }

    /** An item's error, in the problem shape of the single-decision endpoint. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ItemError(String type, int status, String title, String detail, List<FieldError> errors) {
        /** The same type, status, title and field errors as the single-decision endpoint's problem. */
        public static ItemError of(Failure failure) {
            return new ItemError(failure.kind().type(), failure.kind().status(), failure.kind().title(),
                    failure.detail(), failure instanceof InvalidRequestException invalid ? invalid.errors() : null);
        }
    }

    /**
     * Decides every item in order and writes each result; stops with an error item past a limit.
     * While one chunk is decided on the workers, the next one is read and the one before is written,
     * so reading, deciding and writing overlap. Memory stays at two chunks. Nothing is recorded.
     */
    public Summary run(String domain, BatchItems items, BatchResults results, Options options, Progress progress)
            throws IOException {
        return run(domain, items, results, options, progress, BatchRecords.NONE);
    }

    /**
     * The same, with each item put on record: an item's line is written only once its record is
     * committed, so a client never holds an answer the log lacks. When a decision cannot be recorded
     * and must not be answered without a record, its item gets that failure as its error (the problem
     * a single request would get) and the batch stops there: the later items would fail alike.
     */
    public Summary run(String domain, BatchItems items, BatchResults results, Options options, Progress progress,
                       BatchRecords records) throws IOException {
        service.servingState(domain);
        long started = System.nanoTime();
        long count = 0;
        long errors = 0;
        long bytes = 0;
        String stopped = null;
        FailureKind stopKind = FailureKind.LIMIT_EXCEEDED;
        try (results) {
            Future<Outcome[]> deciding = null;
            boolean more = true;
            while (more || deciding != null) {
                List<BatchItems.Item> chunk = new ArrayList<>(CHUNK_ITEMS);
                long chunkBytes = 0;
                while (more && chunk.size() < CHUNK_ITEMS && chunkBytes < CHUNK_BYTES) {
                    BatchItems.Item item = items.next();
                    if (item == null) {
                        more = false;
                        break;
                    }
                    bytes += item.sizeInBytes();
                    if (count + chunk.size() >= options.maxItems() || bytes > options.maxBytes()) {
                        stopped = count + chunk.size() >= options.maxItems()
                                ? "the batch limit of " + options.maxItems() + " items was reached"
                                : "the batch limit of " + options.maxBytes() + " bytes was reached";
                        more = false;
                        break;
                    }
                    chunk.add(item);
                    chunkBytes += item.bytes() == null ? 0 : item.bytes().length;
                }
                Future<Outcome[]> next = chunk.isEmpty() ? null : decideAll(domain, chunk, records);
                if (deciding != null) {
                    Failure unrecorded = null;
                    for (Outcome outcome : await(deciding)) {
                        ItemError error = outcome.error();
                        if (error == null) {
                            Failure failure = recorded(outcome);
                            if (failure != null) {
                                error = ItemError.of(failure);
                                unrecorded = unrecorded == null ? failure : unrecorded;
                            }
                        } else {
                            await(outcome.recorded());
                        }
                        metrics.decision(domain, error == null ? 200 : error.status(), outcome.nanos());
                        if (error != null) {
                            results.error(count, outcome.decisionId(), error);
                            errors++;
                            progress.failed(count, outcome.line(), error);
                        } else {
                            results.decision(count, outcome.response(), options.trace());
                        }
                        count++;
                        progress.item(count, errors);
                    }
                    if (unrecorded != null) {
                        stopped = unrecorded.detail();
                        stopKind = unrecorded.kind();
                        more = false;
                        if (next != null) {
                            await(next); // decided, perhaps recorded, but not answered
                            next = null;
                        }
                    }
                }
                deciding = next;
            }
            if (stopped != null) {
                String notDone = stopKind == FailureKind.LIMIT_EXCEEDED ? "read" : "answered";
                results.error(count, null, new ItemError(stopKind.type(), stopKind.status(), stopKind.title(),
                        stopped + "; items from index " + count + " on were not " + notDone, null));
            }
        }
        return new Summary(count, errors, System.nanoTime() - started, stopped);
    }

    /** Decides a chunk on the workers, each taking a slice; the outcomes keep the items' order. */
    private Future<Outcome[]> decideAll(String domain, List<BatchItems.Item> chunk, BatchRecords records) {
        Outcome[] outcomes = new Outcome[chunk.size()];
        int slice = (chunk.size() + parallelism - 1) / parallelism;
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (int from = 0; from < chunk.size(); from += slice) {
            int start = from;
            int end = Math.min(chunk.size(), from + slice);
            parts.add(CompletableFuture.runAsync(() -> {
                for (int i = start; i < end; i++) {
                    outcomes[i] = decide(domain, chunk.get(i), records);
                }
            }, workers));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> outcomes);
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deciding a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("deciding a batch item failed", e.getCause());
        }
    }

    /** Waits for an item's record; the failure that takes its answer's place when it could not be made. */
    private static Failure recorded(Outcome outcome) throws IOException {
        try {
            outcome.recorded().get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while recording a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Failure failure) {
                return failure;
            }
            throw new IllegalStateException("recording a batch item failed", e.getCause());
        }
    }

    /**
     * One item's result: the decision response, or the error that takes its place; its record on the
     * way, the time it took to decide, and where the item starts in the input.
     */
    private record Outcome(String decisionId, DecisionResponse response, ItemError error,
                           CompletableFuture<Void> recorded, long nanos, long line) {
    }

    private Outcome decide(String domain, BatchItems.Item item, BatchRecords records) {
        long started = System.nanoTime();
        String decisionId = RequestIds.next();
        try {
            if (item.unreadable() != null) {
                throw item.unreadable();
            }
            DecisionResponse response = item.bytes() != null ? service.decide(decisionId, domain, item.bytes())
                    : service.decide(domain, item.tree());
            long nanos = System.nanoTime() - started;
            return new Outcome(response.decisionId(), response, null, records.decided(response, requestBytes(item, records)),
                    nanos, item.line());
        } catch (Failure e) {
            if (e.kind() == FailureKind.RULES_DEFECT) {
                LOG.error("rules defect in a batch of {} (decision {}): {}", domain, decisionId, e.getMessage());
            }
            ItemError error = ItemError.of(e);
            long nanos = System.nanoTime() - started;
            return new Outcome(decisionId, null, error, records.refused(decisionId, domain, error, requestBytes(item, records)),
                    nanos, item.line());
        }
    }

    /** The item as sent: its bytes, or its tree written out (a CLI document); null when it was not held. */
    private static byte[] requestBytes(BatchItems.Item item, BatchRecords records) {
        if (item.bytes() != null) {
            return item.bytes();
        }
        return item.tree() == null || records == BatchRecords.NONE ? null : item.tree().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
