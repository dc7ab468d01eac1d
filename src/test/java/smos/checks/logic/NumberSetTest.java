package smos.checks.logic;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ranges of numbers as the overlap and gap analysis sees them. */
class NumberSetTest {

    private static NumberSet whole(String op, String value) {
        return NumberSet.compare(true, op, new BigDecimal(value));
    }

    private static NumberSet decimal(String op, String value) {
        return NumberSet.compare(false, op, new BigDecimal(value));
    }

    @Test
    void wholeNumbersKeepIncludedBounds() {
        assertEquals("at least 31", whole(">", "30").describe());
        assertEquals("at most 5", whole("<", "6").describe());
        assertEquals("at most 2", whole("<", "2.5").describe());
        assertEquals("3", whole(">=", "3").intersect(whole("<", "4")).describe());
    }

    @Test
    void belowAndFromTheSameWholeNumberCoverEverything() {
        assertTrue(NumberSet.all(true).minus(whole("<", "6")).minus(whole(">=", "6")).isEmpty());
    }

    @Test
    void belowAndAboveADecimalLeaveTheDecimalItself() {
        ValueSet left = NumberSet.all(false).minus(decimal("<", "0.5")).minus(decimal(">", "0.50"));
        assertEquals("0.5", left.describe());
        assertEquals("0.5", left.example());
    }

    @Test
    void notEqualIsEverythingElse() {
        ValueSet other = decimal("!=", "1");
        assertEquals("below 1 or more than 1", other.describe());
        assertTrue(other.intersect(decimal("==", "1")).isEmpty());
    }

    @Test
    void examplesStepJustInsideAnOpenBound() {
        assertEquals("0.31", decimal(">", "0.30").example());
        assertEquals("0.29", decimal("<", "0.3").example());
        assertEquals("31", whole(">", "30").example());
        assertEquals("0.325", decimal(">", "0.32").intersect(decimal("<", "0.33")).example());
    }

    @Test
    void theComplementOfTwoRangesIsTheGapBetweenThem() {
        ValueSet outside = decimal("<", "0.2").intersect(decimal("<", "1"));
        ValueSet both = NumberSet.all(false).minus(outside).minus(decimal(">=", "0.3"));
        assertEquals("at least 0.2 and below 0.3", both.describe());
    }
}
