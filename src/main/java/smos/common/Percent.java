package smos.common;

import java.math.BigDecimal;

/**
 * Percent fields of the contract (the contract conventions: "a percent outside 0..100" is rejected):
 * their bounds, for {@code @Range(min = Percent.MIN, max = Percent.MAX)}, and their value as a
 * fraction. These are units of the contract, not policy values.
 */
public final class Percent {
    public static final String MIN = "0";
    public static final String MAX = "100";
    /** 100 = 10^2: a percent is a fraction with the point moved two places. */
    private static final int PERCENT_DIGITS = 2;

    private Percent() {
    }

    /** {@code percent / 100}, exactly: 12.5 becomes 0.125 (a shift of the decimal point, not a division). */
    public static BigDecimal asFraction(BigDecimal percent) {
        return percent.movePointLeft(PERCENT_DIGITS);
    }
}
