package smos.api;

import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a JSON request body: the content type must be JSON (415 otherwise) and the body at most the
 * configured size (413 otherwise), checked on the declared length and again while reading, so a
 * chunked body cannot exceed it either.
 */
final class JsonBody {
    private JsonBody() {
    }

    static byte[] read(Context ctx, int maxBytes) {
        requireJson(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > maxBytes) {
                drain(in, maxBytes);
                throw tooLarge(maxBytes);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    drain(in, maxBytes);
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new smos.request.InvalidRequestException(smos.request.FieldError.BODY, "the request body could not be read: " + e.getMessage());
        }
    }

    /** A small JSON body of the service's own (a rollback request), read strictly like a decision request. */
    static <T> T readAs(Context ctx, int maxBytes, Class<T> type) {
        return new smos.request.RequestReader<>(type).read(read(ctx, maxBytes));
    }

    static void requireJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new smos.failure.UnsupportedMediaTypeException("send the request with Content-Type: application/json"
                            + (contentType == null ? " (no Content-Type was given)" : " (got " + contentType + ")"));
        }
    }

    /**
     * Reads and drops the rest of an oversized body, up to a few times the limit, so that the client
     * finishes sending and reads the 413 instead of seeing the connection cut mid-request.
     */
    private static void drain(InputStream in, int maxBytes) throws IOException {
        long budget = 4L * maxBytes;
        byte[] buffer = new byte[8192];
        for (int n; budget > 0 && (n = in.read(buffer)) > 0; ) {
            budget -= n;
        }
    }

    private static smos.failure.LimitExceededException tooLarge(int maxBytes) {
        return new smos.failure.LimitExceededException("a decision request may be at most " + maxBytes + " bytes");
    }
}
