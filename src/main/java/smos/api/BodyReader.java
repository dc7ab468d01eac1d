package smos.api;

import io.javalin.http.Context;
import smos.failure.LimitExceededException;
import smos.failure.RequestTimeoutException;
import smos.failure.UnsupportedMediaTypeException;
import smos.request.FieldError;
import smos.request.InvalidRequestException;
import smos.request.RequestReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * The one reader of request bodies (decisions, batches, publishes): at most {@code maxBytes}, checked
 * on the declared length and again while reading, so a chunked body cannot pass it either; past it, a
 * 413. {@code what} names the body in that answer ("a decision request"). A body is either held in
 * memory ({@link #bytes}) or, when it may be large, copied to a temporary file ({@link #spool}).
 * Whether the bytes are well-formed UTF-8 is checked where they are parsed ({@link RequestReader}).
 */
final class BodyReader {
    private static final int BUFFER = 8192;

    private final long maxBytes;
    private final String what;

    BodyReader(long maxBytes, String what) {
        this.maxBytes = maxBytes;
        this.what = what;
    }

    /** Single decisions (and the service's own small JSON bodies). */
    static BodyReader decisionRequest(ApiSettings settings) {
        return new BodyReader(settings.maxBodyBytes(), "a decision request");
    }

    /** A JSON body: the content type must be JSON (415 otherwise), then {@link #bytes(Context)}. */
    byte[] json(Context ctx) {
        requireJson(ctx.header("Content-Type"));
        return bytes(ctx);
    }

    /** A small JSON body of the service's own (a rollback request), read strictly like a decision request. */
    <T> T jsonAs(Context ctx, Class<T> type) {
        return new RequestReader<>(type).read(json(ctx));
    }

    /** The whole body in memory. */
    byte[] bytes(Context ctx) {
        try {
            return bytes(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Any stream (a multipart part, say) in memory; {@code declared} is its announced length, or -1. */
    byte[] bytes(InputStream in, long declared) {
        try (in) {
            if (declared >= 0 && declared <= maxBytes && declared < Integer.MAX_VALUE) {
                // a length announced and allowed: straight into an array of that length, without a buffer and
                // a copy (9 KB less garbage for each decision)
                return in.readNBytes((int) declared);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            copy(in, declared, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The body copied to a temporary file, for bodies too large to hold (a batch); the caller deletes it. */
    Path spool(Context ctx) throws IOException {
        Path spool = Files.createTempFile("smos-body-", ".tmp");
        try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(spool)) {
            copy(in, ctx.req().getContentLengthLong(), out);
        } catch (IOException e) {
            Files.deleteIfExists(spool);
            throw unreadable(e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return spool;
    }

    private void copy(InputStream in, long declared, OutputStream out) throws IOException {
        if (declared > maxBytes) {
            drain(in);
            throw tooLarge();
        }
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        // a body of declared length is done when that many bytes are in: reading on to the end of the
        // stream would only wait, and Jetty's minimum data rate counts that wait against the client
        for (int n; (declared < 0 || total < declared) && (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                drain(in);
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
    }

    static void requireJson(String contentType) {
        String mediaType = mediaType(contentType);
        if (!mediaType.equals("application/json")) {
            throw new UnsupportedMediaTypeException("send the request with Content-Type: application/json"
                    + (contentType == null ? " (no Content-Type was given)" : " (got " + contentType + ")"));
        }
    }

    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads and drops the rest of an oversized body, up to a few times the limit, so that the client
     * finishes sending and reads the 413 instead of seeing the connection cut mid-request.
     */
    private void drain(InputStream in) throws IOException {
        long budget = 4 * Math.min(maxBytes, Integer.MAX_VALUE);
        byte[] buffer = new byte[BUFFER];
        for (int n; budget > 0 && (n = in.read(buffer)) > 0; ) {
            budget -= n;
        }
    }

    private LimitExceededException tooLarge() {
        return new LimitExceededException(what + " may be at most " + maxBytes + " bytes");
    }

    /** A body cut short is the client's mistake (400); one that stopped arriving is its lateness (408). */
    private static RuntimeException unreadable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
                // Jetty's idle timeout: the client sent part of the body, then nothing for that long
                return new RequestTimeoutException("the request body stopped arriving before it was complete ("
                        + cause.getMessage() + ")");
            }
        }
        return new InvalidRequestException(FieldError.BODY, "the request body could not be read: " + e.getMessage());
    }
}
