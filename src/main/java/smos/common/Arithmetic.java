package smos.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The arithmetic conventions of POLICY.md that every domain shares: exact decimals, money rounded
 * HALF_UP to cents, ratios HALF_UP to 4 places, ratios computed as one division with at least 16
 * significant digits, calendar-day counts. These are definitions of the contract, not policy values.
 */
public final class Arithmetic {
    /** Divisions of exact amounts: 34 significant digits, far beyond the 16 the contract requires. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;
    /**
     * The upper bound of a percent field ({@code creditPercent}, {@code requestedDiscountPercent}): POLICY.md
     * rejects a percent outside 0..100. A String so that {@code @Range(max = Arithmetic.PERCENT_MAX)} can use it.
     */
    public static final String PERCENT_MAX = "100";
    private static final int MONEY_SCALE = 2;
    private static final int RATIO_SCALE = 4;
    private static final int PERCENT_SCALE = 2;

    private Arithmetic() {
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal ratio(BigDecimal value) {
        return value == null ? null : value.setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, DIVISION);
    }

    /** The share a percent stands for, exactly: 50 is 0.50, 12.5 is 0.125. */
    public static BigDecimal share(BigDecimal percent) {
        return percent.movePointLeft(PERCENT_SCALE);
    }

    /** "Days from A to B": B minus A in calendar days; the same day is 0. */
    public static int daysFrom(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    /** A period's length counts both its first and its last day. */
    public static int periodLength(LocalDate start, LocalDate end) {
        return daysFrom(start, end) + 1;
    }
}
