package smos.api;

import io.javalin.http.Context;
import smos.service.BatchDecisions;
import smos.service.DecisionService;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code POST /api/v1/decisions/{domain}/batch}: a JSON array (answered by a JSON array) or NDJSON
 * (answered line by line). An array is first spooled to a temporary file, so that one past the batch
 * limits gets a 413 and a malformed one a 400 before anything is answered; NDJSON streams straight
 * through and ends with an error line where a limit stops it.
 */
final class BatchRoute {
    static final String NDJSON = "application/x-ndjson";

    private final DecisionService service;
    private final BatchDecisions batches;
    private final ApiSettings settings;

    BatchRoute(DecisionService service, BatchDecisions batches, ApiSettings settings) {
        this.service = service;
        this.batches = batches;
        this.settings = settings;
    }

    void handle(Context ctx) throws IOException {
        String domain = ctx.pathParam("domain");
        String type = mediaType(ctx.header("Content-Type"));
        if (!type.equals("application/json") && !type.equals(NDJSON)) {
            throw new smos.failure.UnsupportedMediaTypeException("send a batch as a JSON array (Content-Type: application/json) or as NDJSON (" + NDJSON + ")");
        }
        service.servingState(domain);
        BatchDecisions.Options options = new BatchDecisions.Options("true".equals(ctx.queryParam("trace")),
                settings.batchMaxItems(), settings.batchMaxBytes());
        if (type.equals(NDJSON)) {
            ctx.status(200).contentType(NDJSON);
            try (InputStream in = ctx.req().getInputStream(); OutputStream out = buffered(ctx)) {
                batches.run(domain, BatchDecisions.ndjson(in), BatchDecisions.asNdjson(out), options,
                        BatchDecisions.Progress.NONE);
            }
            return;
        }
        Path spool = spool(ctx);
        try {
            long items;
            try (InputStream in = Files.newInputStream(spool)) {
                items = BatchDecisions.countArrayItems(in);
            }
            if (items > settings.batchMaxItems()) {
                throw tooLarge("a batch may hold at most " + settings.batchMaxItems() + " items; this one holds "
                        + items + " (send larger batches as NDJSON in parts)");
            }
            ctx.status(200).contentType("application/json");
            try (InputStream in = Files.newInputStream(spool); OutputStream out = buffered(ctx)) {
                batches.run(domain, BatchDecisions.array(in), BatchDecisions.asArray(out), options,
                        BatchDecisions.Progress.NONE);
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

    /** Copies the array body to a temporary file, refusing it (413) once it passes the byte limit. */
    private Path spool(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > settings.batchMaxBytes()) {
            throw tooLarge("a batch may be at most " + settings.batchMaxBytes() + " bytes");
        }
        Path spool = Files.createTempFile("smos-batch-", ".json");
        try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > settings.batchMaxBytes()) {
                    throw tooLarge("a batch may be at most " + settings.batchMaxBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return spool;
    }

    private static smos.failure.LimitExceededException tooLarge(String detail) {
        return new smos.failure.LimitExceededException(detail);
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}
