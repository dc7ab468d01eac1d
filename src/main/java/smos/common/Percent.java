package smos.common;

import java.math.BigDecimal;

/**
 * Percent fields of the contract (POLICY.md conventions: "a percent outside 0..100" is rejected):
 * their bounds, for {@code @Range(min = Percent.MIN, max = Percent.MAX)}, and their value as a
 * fraction. These are units of the contract, not policy values.
 */
public final class Percent {
    public static final String MIN = "0";
    public static final String MAX = "100";
    private static final BigDecimal HUNDRED = new BigDecimal(MAX);

    private Percent() {
    }

    /** {@code percent / 100}, exactly: 12.5 becomes 0.125. */
    public static BigDecimal asFraction(BigDecimal percent) {
        return percent.divide(HUNDRED);
    }
}
