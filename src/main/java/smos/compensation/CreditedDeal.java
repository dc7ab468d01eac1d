package smos.compensation;

import smos.common.Percent;
import smos.common.Arithmetic;
import smos.common.ProductLine;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;

/**
 * A deal, as the SPIF table sees it: in the period or not, its product line and its deal margin.
 * A deal closed in the period credits revenue x creditPercent/100 and (revenue - cost) x creditPercent/100.
 */
public final class CreditedDeal {
    private final Deal deal;
    private final boolean inPeriod;
    // a deal's figures never change during a decision: computed once, read by every rule and total
    private final BigDecimal creditedRevenue;
    private final BigDecimal creditedGrossProfit;
    private BigDecimal dealMargin;
    private BigDecimal spifAmount;
    private String spifRule;
    private String conflict;

    CreditedDeal(Deal deal, Period period) {
        this.deal = deal;
        this.inPeriod = period.contains(deal.closeDate());
        BigDecimal share = Percent.asFraction(deal.creditPercent());
        BigDecimal grossProfit = deal.revenue().subtract(deal.cost());
        this.creditedRevenue = inPeriod ? deal.revenue().multiply(share) : BigDecimal.ZERO;
        this.creditedGrossProfit = inPeriod ? grossProfit.multiply(share) : BigDecimal.ZERO;
    }

    public String getDealId() {
        return deal.dealId();
    }

    public ProductLine getProductLine() {
        return deal.productLine();
    }

    /** The close date lies in the period (both ends included); deals outside it are ignored. */
    public boolean isInPeriod() {
        return inPeriod;
    }

    /** (revenue - cost) / revenue, unrounded; null for a deal without revenue. */
    public BigDecimal getDealMargin() {
        // divided on first use: only deals of a SPIF product line are ever asked
        if (dealMargin == null && deal.revenue().signum() != 0) {
            dealMargin = Arithmetic.divide(deal.revenue().subtract(deal.cost()), deal.revenue());
        }
        return dealMargin;
    }

    /** The SPIF table's amount for this deal, paid times the credit share. */
    public void paySpif(BigDecimal amount, String rule) {
        if (spifRule != null) {
            conflict = "deal " + deal.dealId() + " matches two rows of the Spif sheet, " + spifRule + " and " + rule
                    + ": a deal may match one row at most";
        }
        this.spifAmount = amount;
        this.spifRule = rule;
    }

    BigDecimal creditedRevenue() {
        return creditedRevenue;
    }

    BigDecimal creditedGrossProfit() {
        return creditedGrossProfit;
    }

    /** The SPIF line, or null when no SPIF row matched or it pays nothing. */
    StatementLine spifLine() {
        if (conflict != null) {
            throw new IncompleteDecisionException(conflict);
        }
        if (spifRule == null) {
            return null;
        }
        BigDecimal share = Percent.asFraction(deal.creditPercent());
        BigDecimal amount = Arithmetic.money(spifAmount.multiply(share));
        if (amount.signum() == 0) {
            return null;
        }
        return new StatementLine(LineComponent.SPIF, deal.dealId(), null, Arithmetic.ratio(share), amount, spifRule);
    }
}
