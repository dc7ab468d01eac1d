package smos.compensation;

import smos.common.Arithmetic;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;

/**
 * One component of the target incentive (REVENUE or GROSS_PROFIT), as the Split, PayoutCurve and
 * MarginGate tables see it. Its attainment comes from the statement; the tables give its weight (share
 * of the target incentive), the band of the payout curve its attainment falls in, and any cap. The
 * factor is the band's straight line: factor at band start + slope x (attainment - band start), never
 * above the band's ceiling nor any cap.
 */
public final class PlanComponent {
    private final LineComponent component;
    private final CompensationStatement statement;
    private BigDecimal weight;
    private String band;
    private String conflict;
    private BigDecimal bandStart = BigDecimal.ZERO;
    private BigDecimal factorAtBandStart = BigDecimal.ZERO;
    private BigDecimal slope = BigDecimal.ZERO;
    private BigDecimal ceiling;
    private BigDecimal cap;
    private String capRule;

    PlanComponent(LineComponent component, CompensationStatement statement) {
        this.component = component;
        this.statement = statement;
    }

    public LineComponent getComponent() {
        return component;
    }

    /** Credited / quota for this component, unrounded. */
    public BigDecimal getAttainment() {
        return component == LineComponent.REVENUE ? statement.getRevenueAttainment()
                : statement.getGrossProfitAttainment();
    }

    // --- Split

    public void setWeight(BigDecimal weight) {
        if (this.weight != null) {
            conflict("two rows of the Split sheet give " + component + " a share");
        }
        this.weight = weight;
    }

    // --- PayoutCurve: the first action of a band row names the band

    public void setFactorAtBandStart(BigDecimal factor, String band) {
        if (this.band != null) {
            conflict("attainment " + getAttainment() + " of " + component + " falls in two bands of the PayoutCurve, "
                    + this.band + " and " + band);
        }
        this.band = band;
        this.factorAtBandStart = factor;
    }

    public void setBandStart(BigDecimal bandStart) {
        this.bandStart = bandStart;
    }

    public void setSlope(BigDecimal slope) {
        this.slope = slope;
    }

    public void setFactorCeiling(BigDecimal ceiling) {
        this.ceiling = ceiling;
    }

    // --- MarginGate (or any later cap)

    public void capFactor(BigDecimal cap, String rule) {
        if (this.cap == null || cap.compareTo(this.cap) < 0) {
            this.cap = cap;
            this.capRule = rule;
        }
    }

    private void conflict(String message) {
        if (conflict == null) {
            conflict = message;
        }
    }

    /** The line: component target (target incentive x weight) x factor, rounded to cents. */
    StatementLine line(BigDecimal targetIncentive) {
        if (conflict != null) {
            throw new IncompleteDecisionException(conflict);
        }
        if (weight == null) {
            throw new IncompleteDecisionException("no row of the Split sheet gives " + component + " its share");
        }
        if (band == null) {
            throw new IncompleteDecisionException("attainment " + getAttainment() + " of " + component
                    + " falls in no band of the PayoutCurve sheet");
        }
        BigDecimal factor = factorAtBandStart.add(slope.multiply(getAttainment().subtract(bandStart)));
        if (ceiling != null && factor.compareTo(ceiling) > 0) {
            factor = ceiling;
        }
        String rule = band;
        if (cap != null && factor.compareTo(cap) > 0) {
            factor = cap;
            rule = capRule;
        }
        BigDecimal amount = Arithmetic.money(targetIncentive.multiply(weight).multiply(factor));
        return new StatementLine(component, null, Arithmetic.ratio(getAttainment()), Arithmetic.ratio(factor), amount,
                rule);
    }
}
