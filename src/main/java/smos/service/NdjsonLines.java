package smos.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding it: each line goes to the JSON reader as bytes. A
 * line past the limit is read to its end and dropped as it goes, so memory stays at the limit
 * whatever the client sends; it becomes that item's error.
 */
final class NdjsonLines implements BatchItems {
    private final InputStream in;
    private final long maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    /** Lines begun so far, blank ones included: the number of the line being read. */
    private long lineNumber;

    NdjsonLines(InputStream in, long maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            line.reset();
            lineNumber++;
            long length = 0;
            boolean any = false;
            boolean blank = true;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    byte b = buffer[position];
                    blank &= b == ' ' || b == '\t' || b == '\r';
                    position++;
                }
                int n = position - start;
                if (length + n <= maxLineBytes) {
                    line.write(buffer, start, n);
                } else if (line.size() > 0) {
                    line.reset();
                }
                length += n;
                if (position < limit) {
                    position++;
                    break;
                }
            }
            if (blank) {
                continue;
            }
            if (length > maxLineBytes) {
                return Item.failed(BatchItems.tooLarge("the line", length, maxLineBytes), length + 1, lineNumber);
            }
            return Item.of(line.toByteArray(), length + 1, lineNumber);
        }
    }
}
