package smos.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quota definitions added to the shared arithmetic: whole months, one-division money, whole cents. */
class ArithmeticTest {

    @Test
    void wholeMonthsAreTheLargestNWithAPlusNMonthsOnOrBeforeB() {
        LocalDate jan1 = LocalDate.of(2027, 1, 1);
        assertEquals(0, Arithmetic.wholeMonthsFrom(jan1, jan1));
        assertEquals(12, Arithmetic.wholeMonthsFrom(LocalDate.of(2026, 1, 1), jan1));
        assertEquals(11, Arithmetic.wholeMonthsFrom(LocalDate.of(2026, 1, 2), jan1));
        assertEquals(2, Arithmetic.wholeMonthsFrom(jan1, LocalDate.of(2027, 3, 31)));
        assertEquals(3, Arithmetic.wholeMonthsFrom(jan1, LocalDate.of(2027, 4, 1)));
        // 2026-10-31 plus 4 months is 2027-02-28 (February has no 31st): 4 whole months, where counting
        // complete months by day of month would say 3
        LocalDate oct31 = LocalDate.of(2026, 10, 31);
        LocalDate feb28 = LocalDate.of(2027, 2, 28);
        assertEquals(4, Arithmetic.wholeMonthsFrom(oct31, feb28));
        assertEquals(3, ChronoUnit.MONTHS.between(oct31, feb28));
    }

    @Test
    void moneyIsOneDivisionRoundedOnceHalfUp() {
        assertEquals(new BigDecimal("0.01"), Arithmetic.money(new BigDecimal("5"), new BigDecimal("1000")));
        assertEquals(new BigDecimal("0.33"), Arithmetic.money(BigDecimal.ONE, new BigDecimal("3")));
        assertEquals(new BigDecimal("-0.01"), Arithmetic.money(new BigDecimal("-5"), new BigDecimal("1000")));
        assertEquals(new BigDecimal("0.3333"), Arithmetic.ratio(BigDecimal.ONE, new BigDecimal("3")));
    }

    @Test
    void wholeCents() {
        assertTrue(Arithmetic.inWholeCents(new BigDecimal("1.000")));
        assertTrue(Arithmetic.inWholeCents(new BigDecimal("48000000")));
        assertFalse(Arithmetic.inWholeCents(new BigDecimal("1.005")));
    }
}
