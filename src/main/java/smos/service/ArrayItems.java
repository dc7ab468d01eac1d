package smos.service;

import smos.request.FieldError;
import smos.request.InvalidRequestException;
import smos.request.NdjsonAsJsonException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The elements of a JSON array, each as its own bytes, found by counting brackets and braces outside
 * strings. Our own code, not Jackson's streaming parser, because that parser stops the whole array at
 * the first bad token of one element (a duplicate key, NaN, nesting past its cap, a number past the
 * limits) and cannot find the next element; counting needs nothing but a depth and a flag, so one bad
 * element is that element's error and the others are decided. Each element is then parsed strictly,
 * like a single request. An element past {@code maxItemBytes} is skipped as it is read.
 *
 * <p>What only the array's framing can break (no opening bracket, an array never closed, content
 * after it) ends the items with an error; {@link #framingBroken()} then says so.
 */
final class ArrayItems implements BatchItems {
    private static final int BOM_1 = 0xEF;

    private final InputStream in;
    private final long maxItemBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean started;
    private boolean ended;
    private boolean framingBroken;
    /** Line breaks read so far: the line an element starts on is one more. */
    private long newlines;
    private final ByteArrayOutputStream item = new ByteArrayOutputStream(512);

    ArrayItems(InputStream in, long maxItemBytes) {
        this.in = in;
        this.maxItemBytes = maxItemBytes;
    }

    boolean framingBroken() {
        return framingBroken;
    }

    /** The next byte, or -1 at the end of the stream. */
    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    /** Keeps the bytes of the element while it is within the limit; past it, keeps nothing. */
    private void keep(byte[] bytes, int from, int n, long sizeBefore) {
        if (sizeBefore + n <= maxItemBytes) {
            item.write(bytes, from, n);
        } else if (item.size() > 0) {
            item.reset();
        }
    }

    private int skipWhitespace() throws IOException {
        int b;
        do {
            b = read();
            if (b == '\n') {
                newlines++;
            }
        } while (b == ' ' || b == '\t' || b == '\r' || b == '\n');
        return b;
    }

    @Override
    public Item next() throws IOException {
        if (ended) {
            return null;
        }
        if (!started) {
            started = true;
            int b = skipWhitespace();
            if (b == BOM_1 && read() == 0xBB && read() == 0xBF) {
                b = skipWhitespace();
            }
            if (b == '{') {
                // an object where the array belongs: most often NDJSON sent as application/json
                return broken(new NdjsonAsJsonException("a batch sent as application/json is one JSON array of"
                        + " requests; this body starts with an object"));
            }
            if (b != '[') {
                return broken("a batch is a JSON array of requests");
            }
            b = skipWhitespace();
            if (b == ']') {
                return end();
            }
            return element(b);
        }
        return element(skipWhitespace());
    }

    /** Reads one element starting with byte {@code b}, up to the comma or bracket after it. */
    private Item element(int b) throws IOException {
        if (b < 0) {
            return broken("the array is not closed: an item or the closing bracket is missing at the end");
        }
        long line = newlines + 1;
        if (b == ',' || b == ']') {
            Item missing = Item.failed(new InvalidRequestException(FieldError.BODY,
                    "an item is missing here (two commas, or a comma before the closing bracket)"), 1, line);
            if (b == ']') {
                Item after = end();
                return after == null ? missing : after;
            }
            return missing;
        }
        item.reset();
        position--; // the element's first byte is still in the buffer: scan it with the rest
        long size = 0;
        long depth = 0;
        boolean inString = false;
        boolean escaped = false;
        b = -1;
        scan:
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            byte[] bytes = buffer;
            int from = position;
            int i = from;
            for (; i < limit; i++) {
                byte c = bytes[i];
                if (c == '\n') {
                    newlines++;
                }
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']' || c == ',') {
                    if (depth == 0) {
                        keep(bytes, from, i - from, size);
                        size += i - from;
                        position = i + 1;
                        b = c;
                        break scan;
                    }
                    if (c != ',') {
                        depth--;
                    }
                }
            }
            keep(bytes, from, i - from, size);
            size += i - from;
            position = i;
        }
        if (b < 0) {
            return broken("the array is not closed: an item or the closing bracket is missing at the end");
        }
        if (b == '}') {
            return broken("a closing brace '}' outside any item");
        }
        Item element = size > maxItemBytes ? Item.failed(BatchItems.tooLarge("the item", size, maxItemBytes), size, line)
                : Item.of(item.toByteArray(), size, line);
        if (b == ']') {
            Item after = end();
            if (after != null) {
                return after;
            }
        }
        return element;
    }

    /** After the closing bracket only whitespace may follow. */
    private Item end() throws IOException {
        ended = true;
        if (skipWhitespace() >= 0) {
            return broken("unexpected content after the array");
        }
        return null;
    }

    private Item broken(String detail) {
        return broken(new InvalidRequestException(FieldError.BODY, detail));
    }

    private Item broken(InvalidRequestException failure) {
        ended = true;
        framingBroken = true;
        return Item.failed(failure, 0, newlines + 1);
    }
}
