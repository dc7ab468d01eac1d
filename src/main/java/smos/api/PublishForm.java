package smos.api;

import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;
import smos.request.InvalidRequestException;
import smos.failure.LimitExceededException;
import smos.failure.UnsupportedMediaTypeException;
import smos.publish.ChangeSet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * Reads the body of {@code POST .../publish}: {@code multipart/form-data} with a part per file (a part
 * with a file name) and the fields {@code delete} (repeatable) and {@code message}. The body is read
 * whole within the publish limit first (chunked or not), then parsed by Jetty's multipart parser with
 * a bound on the parts, so that a malformed or oversized body is a 400 or a 413, never a 500.
 */
final class PublishForm {
    /** A domain has a handful of files; a form with more parts than this is not a publish. */
    static final int MAX_PARTS = 100;
    /** A scenario file is text a person reads; past this it is a mistake (or an attempt to stall the gate). */
    static final int MAX_SCENARIO_BYTES = 1024 * 1024;

    private PublishForm() {
    }

    static ChangeSet read(String contentType, InputStream body, long declaredLength, long maxBytes) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new UnsupportedMediaTypeException("publish several files as multipart/form-data: one part per file, "
                    + "fields 'delete' and 'message'");
        }
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new InvalidRequestException("Content-Type", "multipart/form-data needs a boundary of 1 to 70 characters");
        }
        if (declaredLength > maxBytes) {
            throw new LimitExceededException("a publish may be at most " + maxBytes + " bytes");
        }
        byte[] bytes = PublishRoutes.readLimited(body, maxBytes, "a publish");
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(MAX_PARTS);
        parser.setMaxLength(maxBytes);
        parser.setMaxFileSize(maxBytes);
        parser.setMaxMemoryFileSize(maxBytes); // everything stays in memory: the body is already there
        MultiPartFormData.Parts parts;
        try {
            parts = parser.parse(Content.Source.from(ByteBuffer.wrap(bytes)), Invocable.InvocationType.BLOCKING).join();
        } catch (CompletionException e) {
            // the parser fails a limit with IllegalStateException; the only limit the body can still pass is the parts'
            if (e.getCause() instanceof IllegalStateException) {
                throw new LimitExceededException("a publish may have at most " + MAX_PARTS + " parts");
            }
            throw new InvalidRequestException("body", "not a readable multipart/form-data body with boundary '"
                    + boundary + "': " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        }
        try (parts) {
            return changes(parts);
        }
    }

    private static ChangeSet changes(MultiPartFormData.Parts parts) throws IOException {
        ChangeSet changes = new ChangeSet();
        for (MultiPart.Part part : parts) {
            String field = part.getName();
            if (part.getFileName() != null) {
                String name = part.getFileName();
                if (changes.puts().containsKey(name)) {
                    throw new InvalidRequestException(name, "this file is given twice");
                }
                changes.put(name, limitScenario(name, bytes(part)));
            } else if ("delete".equals(field)) {
                changes.delete(part.getContentAsString(StandardCharsets.UTF_8).strip());
            } else if ("message".equals(field)) {
                changes.message(part.getContentAsString(StandardCharsets.UTF_8));
            } else {
                throw new InvalidRequestException(field == null ? "(part)" : field,
                        "unknown field: a publish has file parts and the fields 'delete' and 'message'");
            }
        }
        return changes;
    }

    /** A scenario file larger than {@link #MAX_SCENARIO_BYTES} is a 413 naming it. */
    static byte[] limitScenario(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.endsWith(".yaml") || lower.endsWith(".yml")) && bytes.length > MAX_SCENARIO_BYTES) {
            throw new LimitExceededException("the scenario file " + name + " has " + bytes.length
                    + " bytes; a scenario file may be at most " + MAX_SCENARIO_BYTES + " bytes: split it");
        }
        return bytes;
    }

    private static byte[] bytes(MultiPart.Part part) throws IOException {
        ByteBuffer buffer = Content.Source.asByteBuffer(part.getContentSource());
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
