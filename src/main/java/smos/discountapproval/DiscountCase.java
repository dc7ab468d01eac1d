package smos.discountapproval;

import smos.common.Arithmetic;
import smos.common.CustomerSegment;
import smos.common.Percent;
import smos.common.Role;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fact the approval matrix reads and writes: the deal, its net price and margin (definitions of
 * the policy, computed exactly), whether it is below cost, and what the matrix decides. Every
 * ceiling, floor and approver comes from the decision table.
 */
public final class DiscountCase {
    private final Deal deal;
    private final BigDecimal netPrice;
    private final BigDecimal margin;

    private Boolean rejected;
    private Boolean autoApproved;
    private Role approvalLevel;
    private final Set<Role> approvers = new LinkedHashSet<>();
    private String explanation;

    public DiscountCase(Deal deal) {
        this.deal = deal;
        this.netPrice = deal.listPrice().multiply(BigDecimal.ONE.subtract(Percent.asFraction(deal.requestedDiscountPercent())));
        this.margin = netPrice.signum() == 0 ? null
                : Arithmetic.divide(netPrice.subtract(deal.unitCost()), netPrice);
    }

    // --- the deal, as the rules see it

    public BigDecimal getRequestedDiscountPercent() {
        return deal.requestedDiscountPercent();
    }

    public boolean isStrategicAccount() {
        return deal.strategicAccount();
    }

    public CustomerSegment getCustomerSegment() {
        return deal.customerSegment();
    }

    // --- definitions

    /** Net price per unit = list price x (1 - discount / 100), exact. */
    public BigDecimal getNetPrice() {
        return netPrice;
    }

    /** (net price - unit cost) / net price, one division, unrounded; null when the net price is 0. */
    public BigDecimal getMargin() {
        return margin;
    }

    /** A net price below the unit cost, or a net price of 0, is below cost. */
    public boolean isBelowCost() {
        return netPrice.signum() == 0 || netPrice.compareTo(deal.unitCost()) < 0;
    }

    // --- what the approval matrix decides

    public void setRejected(boolean rejected) {
        this.rejected = rejected;
    }

    public void setAutoApproved(boolean autoApproved) {
        this.autoApproved = autoApproved;
    }

    public void decideAtLevel(Role level) {
        this.approvalLevel = level;
    }

    public void requireApprovalOf(Role role) {
        approvers.add(role);
    }

    public void explain(String explanation) {
        this.explanation = explanation;
    }

    DiscountDecision toDecision() {
        if (rejected == null || autoApproved == null) {
            throw new IncompleteDecisionException("no row of the Approval table matched deal " + deal.dealId());
        }
        return new DiscountDecision(deal.dealId(), Arithmetic.money(netPrice), Arithmetic.ratio(margin), approvalLevel,
                List.copyOf(approvers), autoApproved, rejected, explanation);
    }
}
