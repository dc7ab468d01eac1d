package smos.returns;

import smos.common.Arithmetic;
import smos.common.ProductLine;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The fact the returns rules read and write. It exposes the claim and the definitions computed from
 * it (days since purchase, the warranty end date from the months the rules chose), and collects what
 * the rules decide. Every number of the policy comes from the decision tables.
 */
public final class ReturnCase {
    private final Claim claim;
    private ReturnReason effectiveReason;
    private Integer baseWarrantyMonths;
    private int extraWarrantyMonths;
    private boolean proofAccepted;

    private ReturnOutcome outcome;
    private BigDecimal restockingFeeRate;
    private Integer returnDueDays;
    private String offer;
    private String explanation;

    public ReturnCase(Claim claim) {
        this.claim = claim;
        this.effectiveReason = claim.reason();
    }

    // --- the claim, as the rules see it

    public ProductLine getProductLine() {
        return claim.productLine();
    }

    public UnitCondition getCondition() {
        return claim.condition();
    }

    public SalesChannel getChannel() {
        return claim.channel();
    }

    public ReturnReason getReason() {
        return claim.reason();
    }

    public boolean isOpened() {
        return claim.opened();
    }

    public boolean isProofOfPurchase() {
        return claim.proofOfPurchase();
    }

    public boolean isRegistered() {
        return claim.registered();
    }

    // --- definitions

    /** Days from purchase to claim; the same day is 0. */
    public int getDaysSincePurchase() {
        return Arithmetic.daysFrom(claim.purchaseDate(), claim.claimDate());
    }

    /** Days from purchase to registration, or null when no registration date was given. */
    public Integer getDaysFromPurchaseToRegistration() {
        return claim.registrationDate() == null ? null
                : Arithmetic.daysFrom(claim.purchaseDate(), claim.registrationDate());
    }

    /** The purchase date plus the warranty months the rules chose (calendar-month arithmetic). */
    public LocalDate getWarrantyEndDate() {
        return baseWarrantyMonths == null ? null
                : claim.purchaseDate().plusMonths((long) baseWarrantyMonths + extraWarrantyMonths);
    }

    /** Covered while the claim date is on or before the warranty end date. */
    public boolean isInWarranty() {
        LocalDate end = getWarrantyEndDate();
        return end != null && !claim.claimDate().isAfter(end);
    }

    // --- what the first stage decides

    public ReturnReason getEffectiveReason() {
        return effectiveReason;
    }

    public void setEffectiveReason(ReturnReason effectiveReason) {
        this.effectiveReason = effectiveReason;
    }

    public Integer getBaseWarrantyMonths() {
        return baseWarrantyMonths;
    }

    public void setBaseWarrantyMonths(int months) {
        this.baseWarrantyMonths = months;
    }

    public int getExtraWarrantyMonths() {
        return extraWarrantyMonths;
    }

    public void setExtraWarrantyMonths(int months) {
        this.extraWarrantyMonths = months;
    }

    public boolean isProofAccepted() {
        return proofAccepted;
    }

    public void setProofAccepted(boolean proofAccepted) {
        this.proofAccepted = proofAccepted;
    }

    // --- what the outcome stage decides

    public void decide(ReturnOutcome outcome) {
        this.outcome = outcome;
    }

    public void chargeRestockingFee(BigDecimal rate) {
        this.restockingFeeRate = rate;
    }

    public void returnDefectiveUnitWithin(int days) {
        this.returnDueDays = days;
    }

    public void offer(String offer) {
        this.offer = offer;
    }

    public void explain(String explanation) {
        this.explanation = explanation;
    }

    /** The decision; a refund is the price less the fee, the fee being the price times the table's rate. */
    ReturnDecision toDecision() {
        if (baseWarrantyMonths == null) {
            throw new IncompleteDecisionException("no row of the Warranty table matched a "
                    + claim.condition() + " " + claim.productLine());
        }
        if (outcome == null) {
            throw new IncompleteDecisionException("no row of the Outcome table matched claim " + claim.claimId());
        }
        BigDecimal fee = restockingFeeRate == null ? null : Arithmetic.money(claim.purchasePrice().multiply(restockingFeeRate));
        BigDecimal refund = fee == null ? null : Arithmetic.money(claim.purchasePrice().subtract(fee));
        return new ReturnDecision(claim.claimId(), outcome, refund, fee, getWarrantyEndDate(), returnDueDays, offer,
                explanation);
    }
}
