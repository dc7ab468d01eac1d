package smos.compensation;

import smos.common.Arithmetic;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement the compensation rules read and write. Java computes the definitions only: the
 * statement's quotas (prorated by days), credited revenue and gross profit (deals in the period, less
 * the returns the Clawback table claws back), gross margin and attainment. Every rate, band, gate,
 * kicker, SPIF amount and window comes from the tables.
 */
public final class CompensationStatement {
    private final CompensationRequest request;
    private final Proration proration;
    private final List<CreditedDeal> deals = new ArrayList<>();
    private final List<ClawbackReturn> returns = new ArrayList<>();
    private final List<PlanComponent> components = new ArrayList<>();
    private BigDecimal dealsRevenue;
    private BigDecimal dealsGrossProfit;
    private boolean marginGateApplied;
    private BigDecimal kickerShare;
    private String kickerRule;
    private String conflict;

    CompensationStatement(CompensationRequest request) {
        this.request = request;
        this.proration = Proration.of(request.period(), request.participant().startDate());
        request.deals().forEach(d -> deals.add(new CreditedDeal(d, request.period())));
        request.returns().forEach(r -> returns.add(new ClawbackReturn(r, request.period())));
        components.add(new PlanComponent(LineComponent.REVENUE, this));
        components.add(new PlanComponent(LineComponent.GROSS_PROFIT, this));
    }

    /** Every fact of the session: the statement, its two components, its deals and its returns. */
    /**
     * The facts later stages read after earlier ones changed them: the statement (its totals follow the
     * clawed-back returns) and its components. Deals are not among them: their values are fixed.
     */
    List<Object> changingFacts() {
        List<Object> facts = new ArrayList<>();
        facts.add(this);
        facts.addAll(components);
        return facts;
    }

    List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(this);
        facts.addAll(components);
        facts.addAll(deals);
        facts.addAll(returns);
        return facts;
    }

    // --- definitions

    public BigDecimal getRevenueQuota() {
        return proration.quota(request.participant().revenueQuota());
    }

    public BigDecimal getGrossProfitQuota() {
        return proration.quota(request.participant().grossProfitQuota());
    }

    /** Deals closed in the period, at their credit share, less the clawed-back returns; unrounded. */
    public BigDecimal getCreditedRevenue() {
        BigDecimal sum = dealsRevenue();
        for (ClawbackReturn returned : returns) {
            sum = sum.subtract(returned.revenueClawedBack());
        }
        return sum;
    }

    public BigDecimal getCreditedGrossProfit() {
        BigDecimal sum = dealsGrossProfit();
        for (ClawbackReturn returned : returns) {
            sum = sum.subtract(returned.grossProfitClawedBack());
        }
        return sum;
    }

    /** The deals' part of the credited revenue: the deals never change, so it is summed once. */
    private BigDecimal dealsRevenue() {
        if (dealsRevenue == null) {
            BigDecimal sum = BigDecimal.ZERO;
            for (CreditedDeal deal : deals) {
                sum = sum.add(deal.creditedRevenue());
            }
            dealsRevenue = sum;
        }
        return dealsRevenue;
    }

    private BigDecimal dealsGrossProfit() {
        if (dealsGrossProfit == null) {
            BigDecimal sum = BigDecimal.ZERO;
            for (CreditedDeal deal : deals) {
                sum = sum.add(deal.creditedGrossProfit());
            }
            dealsGrossProfit = sum;
        }
        return dealsGrossProfit;
    }

    /** Credited gross profit / credited revenue, unrounded; null when credited revenue is 0 or less. */
    public BigDecimal getGrossMargin() {
        BigDecimal revenue = getCreditedRevenue();
        return revenue.signum() <= 0 ? null : Arithmetic.divide(getCreditedGrossProfit(), revenue);
    }

    public BigDecimal getRevenueAttainment() {
        return Arithmetic.divide(getCreditedRevenue(), getRevenueQuota());
    }

    public BigDecimal getGrossProfitAttainment() {
        return Arithmetic.divide(getCreditedGrossProfit(), getGrossProfitQuota());
    }

    public BigDecimal getPriorPeriodGrossProfit() {
        return request.participant().priorPeriodGrossProfit();
    }

    /** Credited gross profit / prior-period gross profit, unrounded; null when the prior period is 0. */
    public BigDecimal getGrossProfitToPriorPeriod() {
        BigDecimal prior = getPriorPeriodGrossProfit();
        return prior.signum() <= 0 ? null : Arithmetic.divide(getCreditedGrossProfit(), prior);
    }

    // --- what the rules decide

    public boolean isMarginGateApplied() {
        return marginGateApplied;
    }

    public void setMarginGateApplied(boolean marginGateApplied) {
        this.marginGateApplied = marginGateApplied;
    }

    /** The kicker pays this share of the target incentive; the rule is the table row that pays it. */
    public void payGrowthKicker(BigDecimal shareOfTargetIncentive, String rule) {
        if (kickerRule != null) {
            conflict = "two rows of the GrowthKicker sheet pay a kicker: " + kickerRule + " and " + rule;
        }
        this.kickerShare = shareOfTargetIncentive;
        this.kickerRule = rule;
    }

    CompensationDecision toDecision() {
        if (conflict != null) {
            throw new IncompleteDecisionException(conflict);
        }
        BigDecimal targetIncentive = request.participant().targetIncentive();
        List<StatementLine> lines = new ArrayList<>();
        for (PlanComponent component : components) {
            lines.add(component.line(targetIncentive));
        }
        if (kickerRule != null) {
            BigDecimal amount = Arithmetic.money(targetIncentive.multiply(kickerShare));
            if (amount.signum() != 0) {
                lines.add(new StatementLine(LineComponent.GP_GROWTH_KICKER, null, null, Arithmetic.ratio(kickerShare),
                        amount, kickerRule));
            }
        }
        for (CreditedDeal deal : deals) {
            StatementLine spif = deal.spifLine();
            if (spif != null) {
                lines.add(spif);
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (StatementLine line : lines) {
            total = total.add(line.amount());
        }
        return new CompensationDecision(request.participant().repId(), request.period().id(),
                Arithmetic.money(getRevenueQuota()), Arithmetic.money(getGrossProfitQuota()),
                Arithmetic.money(getCreditedRevenue()), Arithmetic.money(getCreditedGrossProfit()),
                Arithmetic.ratio(getGrossMargin()), Arithmetic.ratio(getRevenueAttainment()),
                Arithmetic.ratio(getGrossProfitAttainment()), marginGateApplied, List.copyOf(lines),
                Arithmetic.money(total));
    }
}
