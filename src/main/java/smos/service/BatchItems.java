package smos.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.core.JsonParser;
import smos.failure.Failure;
import smos.failure.LimitExceededException;
import smos.request.FieldError;
import smos.request.InvalidRequestException;
import smos.request.Json;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the items of a batch come from, one at a time: NDJSON lines, the elements of a JSON array,
 * or whole JSON documents. An item is its bytes (parsed strictly, like a single request, when it is
 * decided), a tree, or the failure that takes its place: an item past the size limit is skipped
 * without being held, and answered as that item's error.
 */
public interface BatchItems {
    /** The next item, or null at the end. */
    Item next() throws IOException;

    /**
     * One request of a batch; {@code sizeInBytes} counts toward the batch's byte limit; {@code line}
     * is where it starts in the input (1-based, 0 when not known), so that {@code smos decide} can
     * point at a bad item in the file.
     */
    record Item(byte[] bytes, JsonNode tree, Failure unreadable, long sizeInBytes, long line) {
        static Item of(byte[] bytes, long size, long line) {
            return new Item(bytes, null, null, size, line);
        }

        static Item failed(Failure failure, long size, long line) {
            return new Item(null, null, failure, size, line);
        }
    }

    /** NDJSON: one request per line, each at most {@code maxLineBytes}; blank lines are skipped. */
    static BatchItems ndjson(InputStream in, long maxLineBytes) {
        return new NdjsonLines(in, maxLineBytes);
    }

    /** A JSON array of requests, element by element, each at most {@code maxItemBytes}. */
    static BatchItems array(InputStream in, long maxItemBytes) {
        return new ArrayItems(in, maxItemBytes);
    }

    /**
     * Counts the items of a JSON array and checks its framing (an array, closed, nothing after it)
     * without parsing the items: how the HTTP layer refuses an oversized or broken array before it
     * answers anything. A malformed item is not an error here; it is that item's error when decided.
     */
    static long countArrayItems(InputStream in) throws IOException {
        ArrayItems items = new ArrayItems(in, 0);
        long count = 0;
        for (Item item = items.next(); item != null; item = items.next()) {
            if (item.unreadable() != null && items.framingBroken()) {
                throw (InvalidRequestException) item.unreadable();
            }
            count++;
        }
        return count;
    }

    /**
     * Whole JSON documents one after the other (a pretty-printed request, or several): what a person
     * pipes into {@code smos decide}. A syntax error ends the stream, since the next document cannot be found.
     */
    static BatchItems documents(InputStream in) throws IOException {
        ObjectReader reader = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonParser parser = Json.mapper().getFactory().createParser(in);
        boolean[] ended = {false};
        return () -> {
            if (ended[0]) {
                return null;
            }
            try {
                if (parser.nextToken() == null) {
                    parser.close();
                    return null;
                }
                long line = parser.currentTokenLocation().getLineNr();
                return new Item(null, reader.readTree(parser), null, 0, Math.max(0, line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // a closed parser still hands out the tokens left in its buffer: the stream has ended here
                ended[0] = true;
                parser.close();
                long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
                return Item.failed(new InvalidRequestException(FieldError.BODY, "malformed JSON"
                        + (line > 0 ? " at line " + line + ", column " + e.getLocation().getColumnNr() : "") + ": "
                        + e.getOriginalMessage()), 0, line);
            }
        };
    }

    /** The failure of an item past the size limit; nothing of it was read into memory. */
    static LimitExceededException tooLarge(String what, long size, long max) {
        return new LimitExceededException(what + " is " + size + " bytes long; an item may be at most " + max + " bytes (the single-request limit); it was skipped");
    }
}
