package smos.quota;

import smos.common.Arithmetic;

import java.math.BigDecimal;

/**
 * A weight or share kept as an exact fraction, so that every amount taken from it is one division of
 * exact amounts, rounded once (weights and shares are never rounded before use).
 */
record WeightedShare(BigDecimal numerator, BigDecimal denominator) {

    /** amount x the share, as one division, rounded HALF_UP to cents. */
    BigDecimal of(BigDecimal amount) {
        return Arithmetic.money(amount.multiply(numerator), denominator);
    }

    /** The share as reported: rounded HALF_UP to 4 decimals. */
    BigDecimal reported() {
        return Arithmetic.ratio(numerator, denominator);
    }
}
