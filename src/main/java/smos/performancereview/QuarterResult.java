package smos.performancereview;

import java.math.BigDecimal;

/**
 * One quarter as the rules see it. The first stage marks the quarters below the threshold (sheet
 * Quarters); Java then only counts the marked quarters in a row.
 */
public final class QuarterResult {
    private final Quarter quarter;
    private boolean belowThreshold;

    public QuarterResult(Quarter quarter) {
        this.quarter = quarter;
    }

    public String getPeriodId() {
        return quarter.periodId();
    }

    public BigDecimal getAttainment() {
        return quarter.attainment();
    }

    public boolean isBelowThreshold() {
        return belowThreshold;
    }

    public void setBelowThreshold(boolean belowThreshold) {
        this.belowThreshold = belowThreshold;
    }
}
