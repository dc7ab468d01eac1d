package smos.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The arithmetic conventions of the policy handbook that every domain shares: exact decimals, money rounded
 * HALF_UP to cents, ratios HALF_UP to 4 places, ratios computed as one division with at least 16
 * significant digits, calendar-day counts. These are definitions of the contract, not policy values.
 */
public final class Arithmetic {
    /** Divisions of exact amounts: 34 significant digits, far beyond the 16 the contract requires. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;
    private static final int MONEY_SCALE = 2;
    private static final int RATIO_SCALE = 4;

    private Arithmetic() {
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal ratio(BigDecimal value) {
        return value == null ? null : value.setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }

    /** Whether an amount has no fraction of a cent ({@code 1.000} has none, {@code 1.005} has). */
    public static boolean inWholeCents(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= MONEY_SCALE;
    }

    /**
     * Money as one division of exact amounts, rounded once HALF_UP to cents: the exact quotient is
     * rounded, never a quotient already cut to some number of digits.
     */
    public static BigDecimal money(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /** A ratio as one division of exact amounts, rounded once HALF_UP to 4 decimals. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, DIVISION);
    }

    /** "Days from A to B": B minus A in calendar days; the same day is 0. */
    public static int daysFrom(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    /**
     * "Whole months from A to B" (A on or before B): the largest n with A plus n months on or before B,
     * months added as {@link LocalDate#plusMonths} does (a day the month lacks becomes its last day).
     */
    public static int wholeMonthsFrom(LocalDate from, LocalDate to) {
        long months = Math.max(0, ChronoUnit.MONTHS.between(from, to));
        while (months > 0 && from.plusMonths(months).isAfter(to)) {
            months--;
        }
        while (!from.plusMonths(months + 1).isAfter(to)) {
            months++;
        }
        return Math.toIntExact(months);
    }

    /** A period's length counts both its first and its last day. */
    public static int periodLength(LocalDate start, LocalDate end) {
        return daysFrom(start, end) + 1;
    }
}
