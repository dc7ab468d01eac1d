package smos.api;

import io.javalin.http.Context;
import smos.audit.DecisionRecorder;
import smos.service.BatchDecisions;
import smos.service.BatchItems;
import smos.service.BatchRecords;
import smos.service.BatchResults;
import smos.service.DecisionService;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code POST /api/v1/decisions/{domain}/batch}: a JSON array (answered by a JSON array) or NDJSON
 * (answered line by line). An array is first spooled to a temporary file, so that one past the batch
 * limits gets a 413 and one whose framing is broken a 400 before anything is answered; NDJSON streams
 * straight through and ends with an error line where a limit stops it. Each item or line may be as
 * large as a single request; a larger one, or a malformed one, is that item's error. Each item is put
 * on record under its own decision id before its result is written, as a single request would be.
 */
final class BatchRoute {
    static final String NDJSON = smos.request.NdjsonAsJsonException.NDJSON;

    private final DecisionService service;
    private final BatchDecisions batches;
    private final ApiSettings settings;
    private final BodyReader spooler;
    private final DecisionRecorder recorder;

    BatchRoute(DecisionService service, BatchDecisions batches, DecisionRecorder recorder, ApiSettings settings) {
        this.service = service;
        this.batches = batches;
        this.recorder = recorder;
        this.settings = settings;
        this.spooler = new BodyReader(settings.batchMaxBytes(), "a batch");
    }

    void handle(Context ctx) throws IOException {
        String domain = ctx.pathParam("domain");
        String type = BodyReader.mediaType(ctx.header("Content-Type"));
        if (!type.equals("application/json") && !type.equals(NDJSON)) {
            throw new smos.failure.UnsupportedMediaTypeException("send a batch as a JSON array (Content-Type: application/json) or as NDJSON (" + NDJSON + ")");
        }
        service.servingState(domain);
        BatchDecisions.Options options = new BatchDecisions.Options("true".equals(ctx.queryParam("trace")),
                settings.batchMaxItems(), settings.batchMaxBytes());
        long maxItemBytes = settings.maxBodyBytes();
        BatchRecords records = recorder.forBatch(Access.callerName(ctx, settings.tokens()));
        if (type.equals(NDJSON)) {
            ctx.status(200).contentType(NDJSON);
            try (InputStream in = ctx.req().getInputStream(); OutputStream out = buffered(ctx)) {
                batches.run(domain, BatchItems.ndjson(in, maxItemBytes), BatchResults.asNdjson(out), options,
                        BatchDecisions.Progress.NONE, records);
            }
            return;
        }
        Path spool = spooler.spool(ctx);
        try {
            long items;
            try (InputStream in = Files.newInputStream(spool)) {
                items = BatchItems.countArrayItems(in);
            }
            if (items > settings.batchMaxItems()) {
                throw new smos.failure.LimitExceededException("a batch may hold at most " + settings.batchMaxItems()
                        + " items; this one holds " + items + " (send larger batches as NDJSON in parts)");
            }
            ctx.status(200).contentType("application/json");
            try (InputStream in = Files.newInputStream(spool); OutputStream out = buffered(ctx)) {
                batches.run(domain, BatchItems.array(in, maxItemBytes), BatchResults.asArray(out), options,
                        BatchDecisions.Progress.NONE, records);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Results leave in large writes: a batch answers megabytes, and each small write is a system call. */
    private static OutputStream buffered(Context ctx) throws IOException {
        return new java.io.BufferedOutputStream(ctx.res().getOutputStream(), OUTPUT_BUFFER);
    }

    private static final int OUTPUT_BUFFER = 256 * 1024;
}
