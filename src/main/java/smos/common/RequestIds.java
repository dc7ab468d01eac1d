package smos.common;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids for requests and decisions: UUID version 7 (RFC 9562), so that ids sort by the time they were
 * given. The decision log keeps its time order in them: its searches, impact windows and retention read
 * the primary key's range, and the log needs no index on time (each index is another tree the log's
 * inserts must keep, and garbage for every request). The JDK has no version 7 generator yet, and it is a
 * dozen lines: not worth a dependency.
 */
public final class RequestIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    public static String next() {
        return at(System.currentTimeMillis());
    }

    /** An id given at {@code time} (to the millisecond): for records made for a moment other than now. */
    public static String at(Instant time) {
        return at(time.toEpochMilli());
    }

    private static String at(long millis) {
        long randA = RANDOM.nextInt(1 << 12);
        long randB = RANDOM.nextLong();
        long most = (millis << 16) | 0x7000L | randA;
        long least = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** The millisecond an id was given. */
    public static Instant time(String id) {
        return Instant.ofEpochMilli(UUID.fromString(id).getMostSignificantBits() >>> 16);
    }

    /**
     * The first 13 characters of every id given in {@code time}'s millisecond or later: a window's start,
     * {@code id >= floor(from)}. An id knows its time to the millisecond only, so a start between two
     * milliseconds takes in the whole of the first: a decision given after {@code from} is never left out.
     */
    public static String floor(Instant time) {
        return prefix(time.toEpochMilli());
    }

    /**
     * The first 13 characters every id given before {@code time} is below: a window's end, {@code id <
     * ceiling(to)}. A time between two milliseconds counts from the next one, so that millisecond's ids
     * are in: with {@link #floor}, a window holds every id whose millisecond it touches.
     */
    public static String ceiling(Instant time) {
        long millis = time.toEpochMilli();
        return prefix(time.getNano() % 1_000_000 == 0 ? millis : millis + 1);
    }

    private static String prefix(long millis) {
        return String.format("%08x-%04x", millis >>> 16, millis & 0xFFFF);
    }
}
