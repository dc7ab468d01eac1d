package smos.checks.logic;

import java.math.BigDecimal;

/**
 * A range of numbers; a null bound is unbounded on that side. {@code lowIncluded} and
 * {@code highIncluded} say whether the bounds themselves belong to it.
 */
record Interval(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) {

    static final Interval ALL = new Interval(null, false, null, false);

    Interval intersect(Interval other) {
        BigDecimal lo;
        boolean loIn;
        if (low == null || other.low != null && other.low.compareTo(low) > 0) {
            lo = other.low;
            loIn = other.lowIncluded;
        } else if (other.low == null || low.compareTo(other.low) > 0) {
            lo = low;
            loIn = lowIncluded;
        } else {
            lo = low;
            loIn = lowIncluded && other.lowIncluded;
        }
        BigDecimal hi;
        boolean hiIn;
        if (high == null || other.high != null && other.high.compareTo(high) < 0) {
            hi = other.high;
            hiIn = other.highIncluded;
        } else if (other.high == null || high.compareTo(other.high) < 0) {
            hi = high;
            hiIn = highIncluded;
        } else {
            hi = high;
            hiIn = highIncluded && other.highIncluded;
        }
        return new Interval(lo, loIn, hi, hiIn);
    }

    boolean isEmpty() {
        if (low == null || high == null) {
            return false;
        }
        int c = low.compareTo(high);
        return c > 0 || c == 0 && !(lowIncluded && highIncluded);
    }
}
