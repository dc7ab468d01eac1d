package smos.retention;

import java.math.BigDecimal;

/**
 * The numbers of the retention policy that are not tied to one customer's facts: the highest risk
 * score and the terms of the retention offer. The sheets Score and Offer set them (a rule global
 * named {@code terms}); Java only applies them.
 */
public final class RetentionTerms {
    private BigDecimal scoreCap;
    private BigDecimal offerMarginFloor;
    private BigDecimal offerPercentPerMargin;
    private BigDecimal offerCeiling;

    public void capScoreAt(BigDecimal cap) {
        this.scoreCap = cap;
    }

    public void offerAboveMargin(BigDecimal floor) {
        this.offerMarginFloor = floor;
    }

    public void offerPercentPerMargin(BigDecimal percentPerMargin) {
        this.offerPercentPerMargin = percentPerMargin;
    }

    public void offerAtMost(BigDecimal ceiling) {
        this.offerCeiling = ceiling;
    }

    BigDecimal scoreCap() {
        return scoreCap;
    }

    boolean offerTermsSet() {
        return offerMarginFloor != null && offerPercentPerMargin != null && offerCeiling != null;
    }

    BigDecimal offerMarginFloor() {
        return offerMarginFloor;
    }

    BigDecimal offerPercentPerMargin() {
        return offerPercentPerMargin;
    }

    BigDecimal offerCeiling() {
        return offerCeiling;
    }
}
