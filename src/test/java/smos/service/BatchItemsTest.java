package smos.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a batch holds at most one item of the size limit, whatever the client sends. */
class BatchItemsTest {
    private static final long LIMIT = 1 << 20;
    private static final long HUGE = 256L * 1024 * 1024;

    /** {@code prefix}, then {@code size} bytes of 'x', then {@code suffix}: generated as read. */
    private static InputStream stream(String prefix, long size, String suffix) {
        InputStream filler = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)), filler,
                new ByteArrayInputStream(suffix.getBytes(StandardCharsets.UTF_8)))));
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aQuarterGigabyteLineIsSkippedWithoutBeingHeld() throws IOException {
        BatchItems lines = BatchItems.ndjson(stream("{\"a\": 1}\n\"", HUGE, "\"\n{\"b\": 2}\n"), LIMIT);
        long before = allocatedBytes();

        assertEquals("{\"a\": 1}", new String(lines.next().bytes(), StandardCharsets.UTF_8));
        BatchItems.Item huge = lines.next();
        assertEquals("{\"b\": 2}", new String(lines.next().bytes(), StandardCharsets.UTF_8));
        assertNull(lines.next());

        long allocated = allocatedBytes() - before;
        assertEquals(smos.failure.FailureKind.LIMIT_EXCEEDED, huge.unreadable().kind());
        assertTrue(allocated < 16L * 1024 * 1024, "allocated " + allocated + " bytes reading a line of " + HUGE);
    }

    @Test
    void aQuarterGigabyteArrayItemIsSkippedWithoutBeingHeld() throws IOException {
        BatchItems items = BatchItems.array(stream("[{\"a\": 1}, \"", HUGE, "\", {\"b\": [2, \"]\"]}]"), LIMIT);
        long before = allocatedBytes();

        assertEquals("{\"a\": 1}", new String(items.next().bytes(), StandardCharsets.UTF_8));
        BatchItems.Item huge = items.next();
        assertEquals("{\"b\": [2, \"]\"]}", new String(items.next().bytes(), StandardCharsets.UTF_8));
        assertNull(items.next());

        long allocated = allocatedBytes() - before;
        assertEquals(smos.failure.FailureKind.LIMIT_EXCEEDED, huge.unreadable().kind());
        assertTrue(allocated < 16L * 1024 * 1024, "allocated " + allocated + " bytes reading an item of " + HUGE);
    }

    @Test
    void arrayItemsAreFoundByTheirBracketsWhateverTheyHold() throws IOException {
        String body = " \uFEFF[ {\"s\": \"a,]}\\\"[\"}, [1, {\"x\": [ ]}], 3 , , NaN ]  ";
        BatchItems items = BatchItems.array(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), LIMIT);
        assertEquals("{\"s\": \"a,]}\\\"[\"}", new String(items.next().bytes(), StandardCharsets.UTF_8));
        assertEquals("[1, {\"x\": [ ]}]", new String(items.next().bytes(), StandardCharsets.UTF_8));
        assertEquals("3 ", new String(items.next().bytes(), StandardCharsets.UTF_8));
        assertEquals(smos.failure.FailureKind.INVALID_REQUEST, items.next().unreadable().kind());
        assertEquals("NaN ", new String(items.next().bytes(), StandardCharsets.UTF_8));
        assertNull(items.next());
        assertEquals(5, BatchItems.countArrayItems(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }
}
