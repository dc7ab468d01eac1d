package smos.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision log's time windows are ranges of ids: {@code id >= floor(from) AND id < ceiling(to)}. */
class RequestIdsTest {

    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void anIdIsAVersion7UuidThatKnowsItsMillisecond() {
        String id = RequestIds.at(NOON.plusMillis(7));
        UUID uuid = UUID.fromString(id);
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(NOON.plusMillis(7), RequestIds.time(id));
        assertEquals(36, RequestIds.next().length());
    }

    @Test
    void idsGivenInAWindowAreExactlyThoseBetweenItsBounds() {
        String from = RequestIds.floor(NOON);
        String to = RequestIds.ceiling(NOON.plusSeconds(1));
        for (int i = 0; i < 200; i++) {
            assertTrue(RequestIds.at(NOON.minusMillis(1)).compareTo(from) < 0, "a millisecond before the window");
            String first = RequestIds.at(NOON);
            assertTrue(first.compareTo(from) >= 0 && first.compareTo(to) < 0, "the window's first millisecond");
            String last = RequestIds.at(NOON.plusMillis(999));
            assertTrue(last.compareTo(from) >= 0 && last.compareTo(to) < 0, "the window's last millisecond");
            assertTrue(RequestIds.at(NOON.plusSeconds(1)).compareTo(to) >= 0, "the end is not in the window");
        }
    }

    @Test
    void anEndBetweenTwoMillisecondsCountsFromTheNext() {
        Instant halfway = NOON.plusNanos(500_000);
        String ceiling = RequestIds.ceiling(halfway);
        assertTrue(RequestIds.at(NOON).compareTo(ceiling) < 0, "12:00:00.000's ids are before 12:00:00.0005's end");
        assertTrue(RequestIds.at(NOON.plusMillis(1)).compareTo(ceiling) >= 0);
    }

    @Test
    void aStartBetweenTwoMillisecondsTakesInTheFirst() {
        // a decision given at 12:00:00.0007 has an id of 12:00:00.000: a window from 12:00:00.0005 must hold it
        String floor = RequestIds.floor(NOON.plusNanos(500_000));
        assertTrue(RequestIds.at(NOON).compareTo(floor) >= 0, "12:00:00.000's ids are in a window from 12:00:00.0005");
        assertTrue(RequestIds.at(NOON.minusMillis(1)).compareTo(floor) < 0);
    }

    @Test
    void idsSortByTheTimeTheyWereGiven() {
        // Across a carry in the first group's hex digits (ffff -> 0000 in the low 16 bits of the time).
        long carry = ((NOON.toEpochMilli() >>> 16) << 16) + 0xFFFF;
        String before = RequestIds.at(Instant.ofEpochMilli(carry));
        String after = RequestIds.at(Instant.ofEpochMilli(carry + 1));
        assertTrue(before.compareTo(after) < 0, before + " before " + after);
        assertTrue(RequestIds.floor(Instant.ofEpochMilli(carry + 1)).compareTo(before) > 0);
        assertTrue(RequestIds.ceiling(Instant.ofEpochMilli(carry + 1)).compareTo(before) > 0);
    }
}
