package smos.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.request.FieldError;
import smos.failure.Failure;
import smos.failure.FailureKind;
import smos.failure.LimitExceededException;
import smos.request.InvalidRequestException;
import smos.request.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many decisions in one stream: a JSON array or NDJSON in, one result per item out, in order, each
 * with its {@code index} and either the {@code decision} (and the version that made it) or an
 * {@code error}. One bad item does not fail the others. Items are read, decided and written a chunk
 * at a time, so a million-item batch needs no more memory than a small one.
 */
public final class BatchDecisions {
    private static final Logger LOG = LoggerFactory.getLogger(BatchDecisions.class);
    private static final ObjectWriter WRITER = Json.mapper().writer();
    /** Reads one item of an array at a time: the tokens after it belong to the next items. */
    private static final ObjectReader ITEM_READER = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final DecisionService service;
    private final Metrics metrics;

    public BatchDecisions(DecisionService service, Metrics metrics) {
        this.service = service;
        this.metrics = metrics;
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

        default void failed(long index, ItemError error) {
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

    /** One request of a batch: its bytes (an NDJSON line), its tree (an array element), or why it could not be read. */
    record Item(byte[] bytes, JsonNode tree, InvalidRequestException unreadable, long sizeInBytes) {
    }

    /** Where the items come from. */
    public interface Items {
        /** The next item, or null at the end. */
        Item next() throws IOException;
    }

    /** Where the results go. */
    public interface Results extends AutoCloseable {
        JsonGenerator start() throws IOException;

        void endItem() throws IOException;

        @Override
        void close() throws IOException;
    }

    // ---- sources

    /** NDJSON: one request per line; blank lines are skipped. */
    public static Items ndjson(InputStream in) {
        LineReader lines = new LineReader(in);
        return () -> {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                if (!isBlank(line)) {
                    return new Item(line, null, null, line.length + 1L);
                }
            }
            return null;
        };
    }

    /** A JSON array of requests, read element by element. */
    public static Items array(InputStream in) throws IOException {
        JsonParser parser = Json.mapper().getFactory().createParser(in);
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new InvalidRequestException(FieldError.BODY, "a batch is a JSON array of requests");
        }
        return () -> {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                parser.close();
                return null;
            }
            long before = parser.currentTokenLocation().getByteOffset();
            JsonNode tree = ITEM_READER.readTree(parser);
            return new Item(null, tree, null, Math.max(0, parser.currentLocation().getByteOffset() - before));
        };
    }

    /**
     * Whole JSON documents one after the other (a pretty-printed request, or several): what a person
     * pipes into {@code smos decide}. A syntax error ends the stream, since the next document cannot be found.
     */
    public static Items documents(InputStream in) throws IOException {
        JsonParser parser = Json.mapper().getFactory().createParser(in);
        return () -> {
            try {
                if (parser.nextToken() == null) {
                    parser.close();
                    return null;
                }
                return new Item(null, ITEM_READER.readTree(parser), null, 0);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                parser.close();
                return new Item(null, null, new InvalidRequestException(FieldError.BODY, "malformed JSON: "
                        + e.getOriginalMessage()), 0);
            }
        };
    }

    // ---- sinks

    /** Results as one JSON array. */
    public static Results asArray(OutputStream out) throws IOException {
        JsonGenerator gen = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        gen.writeStartArray();
        return new Results() {
            public JsonGenerator start() {
                return gen;
            }

            public void endItem() {
            }

            public void close() throws IOException {
                gen.writeEndArray();
                gen.close();
            }
        };
    }

    /** Results as NDJSON: one line each, flushed as they come. */
    public static Results asNdjson(OutputStream out) throws IOException {
        JsonGenerator gen = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        gen.setRootValueSeparator(null);
        return new Results() {
            public JsonGenerator start() {
                return gen;
            }

            public void endItem() throws IOException {
                gen.writeRaw('\n');
            }

            public void close() throws IOException {
                gen.close();
            }
        };
    }

    /**
     * Counts the items of a JSON array and checks its syntax, without deciding anything: how the HTTP
     * layer refuses an oversized or malformed array before it answers anything.
     */
    public static long countArrayItems(InputStream in) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidRequestException(FieldError.BODY, "a batch is a JSON array of requests");
            }
            long items = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
                items++;
            }
            if (parser.nextToken() != null) {
                throw new InvalidRequestException(FieldError.BODY, "unexpected content after the array");
            }
            return items;
        } catch (IOException e) {
            throw new InvalidRequestException(FieldError.BODY, "malformed JSON array: " + e.getMessage()
                    .replaceAll("\\s*at \\[Source.*", "").replaceAll("\\s+", " "));
        }
    }

    // ---- the run

    /**
     * Decides every item in order and writes each result; stops with an error item past a limit.
     * Items are read in chunks; while one chunk is decided on every core, the next one is read and
     * the one before is written, so reading, deciding and writing overlap. Memory stays at two chunks.
     */
    public Summary run(String domain, Items items, Results results, Options options, Progress progress) throws IOException {
        service.servingState(domain);
        long started = System.nanoTime();
        long count = 0;
        long errors = 0;
        long bytes = 0;
        String stopped = null;
        try (results) {
            Future<Outcome[]> deciding = null;
            boolean more = true;
            while (more || deciding != null) {
                List<Item> chunk = new ArrayList<>(CHUNK);
                while (more && chunk.size() < CHUNK) {
                    Item item = items.next();
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
                }
                Future<Outcome[]> next = chunk.isEmpty() ? null : decideAll(domain, chunk, options);
                if (deciding != null) {
                    for (Outcome outcome : await(deciding)) {
                        outcome.write(results.start(), count);
                        results.endItem();
                        if (outcome.error() != null) {
                            errors++;
                            progress.failed(count, outcome.error());
                        }
                        count++;
                        progress.item(count, errors);
                    }
                }
                deciding = next;
            }
            if (stopped != null) {
                writeError(results.start(), count, ItemError.of(new LimitExceededException(stopped
                        + "; items from index " + count + " on were not read")));
                results.endItem();
            }
        }
        return new Summary(count, errors, System.nanoTime() - started, stopped);
    }

    /** Items decided per chunk: enough to keep every core busy, small enough to keep memory flat. */
    private static final int CHUNK = 512;
    private static final int WORKERS = Integer.getInteger("smos.batch.workers", Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "smos-batch");
        t.setDaemon(true);
        return t;
    });

    /** Decides a chunk on every core, each worker taking a slice; the outcomes keep the items' order. */
    private Future<Outcome[]> decideAll(String domain, List<Item> chunk, Options options) {
        Outcome[] outcomes = new Outcome[chunk.size()];
        int slice = (chunk.size() + WORKERS - 1) / WORKERS;
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (int from = 0; from < chunk.size(); from += slice) {
            int start = from;
            int end = Math.min(chunk.size(), from + slice);
            parts.add(CompletableFuture.runAsync(() -> {
                for (int i = start; i < end; i++) {
                    outcomes[i] = decide(domain, chunk.get(i), options);
                }
            }, POOL));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> outcomes);
    }

    private static Outcome[] await(Future<Outcome[]> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deciding a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("deciding a batch item failed", e.getCause());
        }
    }

    /** One item's result: the decision response, or the error that takes its place. */
    private record Outcome(DecisionResponse response, ItemError error, boolean trace) {
        void write(JsonGenerator gen, long index) throws IOException {
            if (error != null) {
                writeError(gen, index, error);
                return;
            }
            gen.writeStartObject();
            gen.writeNumberField("index", index);
            gen.writeStringField("decisionId", response.decisionId());
            gen.writeStringField("rulesetVersion", response.rulesetVersion());
            gen.writeFieldName("decision");
            WRITER.writeValue(gen, response.decision());
            if (trace) {
                gen.writeFieldName("trace");
                WRITER.writeValue(gen, response.trace());
            }
            gen.writeEndObject();
        }
    }

    private Outcome decide(String domain, Item item, Options options) {
        long started = System.nanoTime();
        try {
            if (item.unreadable() != null) {
                throw item.unreadable();
            }
            DecisionResponse response = item.bytes() != null ? service.decide(domain, item.bytes())
                    : service.decide(domain, item.tree());
            metrics.decision(domain, 200, System.nanoTime() - started);
            return new Outcome(response, null, options.trace());
        } catch (Failure e) {
            if (e.kind() == FailureKind.RULES_DEFECT) {
                LOG.error("rules defect in a batch of {}: {}", domain, e.getMessage());
            }
            return failed(domain, started, ItemError.of(e));
        }
    }

    private Outcome failed(String domain, long started, ItemError error) {
        metrics.decision(domain, error.status(), System.nanoTime() - started);
        return new Outcome(null, error, false);
    }

    private static void writeError(JsonGenerator gen, long index, ItemError error) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("index", index);
        gen.writeFieldName("error");
        WRITER.writeValue(gen, error);
        gen.writeEndObject();
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Splits a byte stream into lines without decoding it: each line goes to the JSON reader as bytes. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            line.reset();
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? line.toByteArray() : null;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                line.write(buffer, start, position - start);
                if (position < limit) {
                    position++;
                    return line.toByteArray();
                }
            }
        }
    }
}
