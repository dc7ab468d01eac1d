package smos.retention;

import smos.common.Arithmetic;
import smos.common.CustomerSegment;
import smos.common.Role;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fact the retention rules read and write: the customer, the definitions computed from it (days
 * to renewal, the risk score as the capped sum of points, the offer percent from the offer terms),
 * and what the rules decide (signals, level, playbook). Every weight, threshold and term comes from
 * the decision tables.
 */
public final class RetentionCase {
    private final Customer customer;
    private final RetentionTerms terms;
    private final Set<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
    private BigDecimal points = BigDecimal.ZERO;
    private RiskLevel riskLevel;
    private final List<Step> steps = new ArrayList<>();

    public RetentionCase(Customer customer, RetentionTerms terms) {
        this.customer = customer;
        this.terms = terms;
    }

    // --- the customer, as the rules see it

    public CustomerSegment getSegment() {
        return customer.segment();
    }

    public BigDecimal getAnnualRevenue() {
        return customer.annualRevenue();
    }

    /** Null when the customer gave no NPS answer: no rule on the score matches then. */
    public Integer getNpsScore() {
        return customer.npsScore();
    }

    public BigDecimal getOrdersLast90Days() {
        return customer.ordersLast90Days();
    }

    public BigDecimal getOrdersPrior90Days() {
        return customer.ordersPrior90Days();
    }

    public int getOpenSupportCases() {
        return customer.openSupportCases();
    }

    public boolean isCompetitorMentioned() {
        return customer.competitorMentioned();
    }

    public BigDecimal getGrossMargin() {
        return customer.grossMargin();
    }

    // --- definitions

    /** Days from asOf to the renewal date (negative once it has passed); null when no renewal date is known. */
    public Integer getDaysToRenewal() {
        return customer.renewalDate() == null ? null : Arithmetic.daysFrom(customer.asOf(), customer.renewalDate());
    }

    /** The sum of the points of the signals that fired. */
    public BigDecimal getPoints() {
        return points;
    }

    /** The points, at most the cap of the sheet Score (the points themselves until the cap is known). */
    public BigDecimal getRiskScore() {
        BigDecimal cap = terms.scoreCap();
        return cap == null ? points : points.min(cap);
    }

    /**
     * The retention offer in whole percent: (grossMargin - margin floor) x percent per unit of margin,
     * at most the ceiling, rounded down; null until the sheet Offer has set its terms.
     */
    public BigDecimal getOfferPercent() {
        if (!terms.offerTermsSet()) {
            return null;
        }
        BigDecimal offer = customer.grossMargin().subtract(terms.offerMarginFloor()).multiply(terms.offerPercentPerMargin());
        return offer.min(terms.offerCeiling()).setScale(0, RoundingMode.FLOOR);
    }

    // --- what the signals stage decides

    public void signal(RiskSignal signal) {
        signals.add(signal);
    }

    public void addPoints(BigDecimal weight) {
        points = points.add(weight);
    }

    // --- what the level stage decides

    public RiskLevel getRiskLevel() {
        return riskLevel;
    }

    public void setRiskLevel(RiskLevel riskLevel) {
        this.riskLevel = riskLevel;
    }

    // --- what the playbook stage decides: each row starts a step, then fills it in

    public void plan(RetentionAction action) {
        steps.add(new Step(action));
    }

    public void ownedBy(Role owner) {
        current().owner = owner;
    }

    public void dueInDays(int days) {
        current().dueInDays = days;
    }

    public void includeOffer(boolean include) {
        current().offer = include;
    }

    private Step current() {
        if (steps.isEmpty()) {
            steps.add(new Step(null)); // reported by toDecision: a row filled in a step it did not start
        }
        return steps.get(steps.size() - 1);
    }

    RetentionDecision toDecision() {
        if (terms.scoreCap() == null) {
            throw new IncompleteDecisionException("the sheet Score set no highest risk score");
        }
        if (riskLevel == null) {
            throw new IncompleteDecisionException("no row of the Level table matched risk score " + getRiskScore());
        }
        List<PlannedAction> actions = new ArrayList<>();
        for (Step step : steps) {
            if (step.action == null) {
                throw new IncompleteDecisionException("a Playbook row sets an owner, due days or an offer without an action");
            }
            BigDecimal offer = step.offer ? getOfferPercent() : null;
            if (step.offer && offer == null) {
                throw new IncompleteDecisionException("a Playbook row includes an offer, but the sheet Offer set no terms");
            }
            actions.add(new PlannedAction(step.action, step.owner, step.dueInDays, offer));
        }
        return new RetentionDecision(customer.customerId(), getRiskScore(), riskLevel, List.copyOf(signals),
                List.copyOf(actions));
    }

    /** A playbook step as the rules fill it in. */
    private static final class Step {
        final RetentionAction action;
        Role owner;
        Integer dueInDays;
        boolean offer;

        Step(RetentionAction action) {
            this.action = action;
        }
    }
}
