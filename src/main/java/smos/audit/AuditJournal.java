package smos.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The embedded decision log's write-ahead file: records as JSON lines, appended in segments
 * ({@code journal-000001.ndjson}, ...). A group of records is one {@code write} (and, when asked, one
 * {@code fsync}), which costs a fraction of a millisecond where a database commit of the same group costs
 * several. A segment is deleted once every record in it is in the database; what a crash leaves is read
 * back by {@link #leftOver()} at the next start. No library fits: this is a file of lines, its segments and
 * their bookkeeping.
 */
final class AuditJournal implements AutoCloseable {
    /** A segment is closed and a new one begun past this size, so that a stored segment can be deleted. */
    static final long SEGMENT_BYTES = 8L * 1024 * 1024;
    /** Enough for a group of a thousand ordinary records in one write. */
    static final int GROUP_BUFFER_BYTES = 1024 * 1024;
    private static final byte[] NEWLINE = {'\n'};

    private static final ObjectWriter WRITER = mapper().writerFor(AuditRecord.class);
    private static final ObjectReader READER = mapper().readerFor(AuditRecord.class);
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".ndjson";

    private final Path folder;
    private final boolean sync;
    private Segment current;

    /** The records of one segment still on their way to the database; the segment goes when none is left. */
    final class Segment {
        private final Path file;
        private final AtomicInteger pending = new AtomicInteger();
        private volatile boolean closed;

        private Segment(Path file) {
            this.file = file;
        }

        /** One record of this segment is in the database. */
        void stored() {
            if (pending.decrementAndGet() == 0 && closed) {
                delete();
            }
        }

        private void close() {
            closed = true;
            if (pending.get() == 0) {
                delete();
            }
        }

        private void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                JdbcAuditLog.log().warn("could not delete the stored journal segment {}: {}", file, e.getMessage());
            }
        }
    }

    private FileChannel channel;
    private ByteBuffer groupBuffer;
    private long size;
    private int number;

    /**
     * @param sync whether each group is forced to the disk ({@code fsync}) before it is acknowledged: without
     *             it a record survives the server's crash (it is in the operating system's cache), with it a
     *             power loss as well
     */
    AuditJournal(Path folder, boolean sync) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.sync = sync;
        this.number = segments().stream().mapToInt(AuditJournal::numberOf).max().orElse(0);
    }

    /**
     * A record as its journal line, without the line's end ({@link #append} writes it): made by the thread that
     * recorded it, so that appending is only a write. Jackson's own recycled buffers make it, so the line is the
     * only array it leaves behind (a stream of our own and its copy cost 4 KB a record).
     */
    static byte[] line(AuditRecord record) {
        try {
            return WRITER.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: only a record Jackson cannot write, which ours are not
        }
    }

    /** A journal line read back as its record. */
    static AuditRecord record(byte[] line) {
        try {
            return READER.readValue(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a line this process wrote itself
        }
    }

    /**
     * Appends the lines as one write, and returns the segment they are in (to be told as each one is
     * stored). Called by one thread at a time.
     */
    Segment append(List<byte[]> lines) throws IOException {
        if (current == null || size >= SEGMENT_BYTES) {
            roll();
        }
        long before = size;
        try {
            ByteBuffer buffer = groupBuffer();
            for (byte[] line : lines) {
                put(buffer, line, 0, line.length);
                put(buffer, NEWLINE, 0, 1);
            }
            drain(buffer);
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            // A part written (a full disk) must not be left for the next group to follow: the next start would
            // read a broken line in the middle of a segment. Cut it off, and start a new segment next time.
            try {
                channel.truncate(before);
            } catch (IOException ignored) {
                // the next start skips a broken line
            }
            closeCurrent();
            throw e;
        }
        current.pending.addAndGet(lines.size());
        return current;
    }

    /**
     * The one buffer groups are written through, kept: outside the heap, so that the channel writes it as it is
     * (a heap buffer is copied into a direct one first) and the collector never copies it; of a fixed size, so
     * that a burst of large requests does not leave a large buffer behind (a larger group takes several writes).
     */
    private ByteBuffer groupBuffer() {
        if (groupBuffer == null) {
            groupBuffer = ByteBuffer.allocateDirect(GROUP_BUFFER_BYTES);
        }
        return groupBuffer.clear();
    }

    private void put(ByteBuffer buffer, byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                drain(buffer);
            }
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** Writes what the buffer holds, and empties it for more. */
    private void drain(ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            size += channel.write(buffer);
        }
        buffer.clear();
    }

    /** The records a crash left in the journal, in the order they were written; a torn last line is skipped. */
    List<AuditRecord> leftOver() throws IOException {
        List<AuditRecord> records = new ArrayList<>();
        for (Path segment : segments()) {
            List<String> lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(READER.readValue(line));
                } catch (IOException e) {
                    // Only a write cut short by a crash or a full disk leaves such a line; its request was not answered.
                    JdbcAuditLog.log().warn("skipped a broken line {} of {}: {}", i + 1, segment.getFileName(), e.getMessage());
                }
            }
        }
        return records;
    }

    /** Deletes every segment: called once what they hold is known to be in the database. */
    void clear() throws IOException {
        closeCurrent();
        for (Path segment : segments()) {
            Files.deleteIfExists(segment);
        }
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private void roll() throws IOException {
        closeCurrent();
        number++;
        Path file = folder.resolve(String.format("%s%06d%s", PREFIX, number, SUFFIX));
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        size = 0;
        current = new Segment(file);
        if (sync) {
            // the new file's name must survive a power loss too
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            } catch (IOException ignored) {
                // not every file system lets a folder be forced; the records are forced all the same
            }
        }
    }

    private void closeCurrent() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                JdbcAuditLog.log().warn("could not close the journal segment: {}", e.getMessage());
            }
            channel = null;
        }
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                            && f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static int numberOf(Path segment) {
        String name = segment.getFileName().toString();
        return Integer.parseInt(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
