package smos.territory;

import smos.common.Arithmetic;
import smos.engine.IncompleteDecisionException;

import java.time.LocalDate;

/**
 * An open deal as the ProtectionWindow and DealOwnership tables see it: created before the effective
 * date or not, and how many days after the effective date it is expected to close.
 */
public final class DealTransfer {
    private final OpenDeal deal;
    private final LocalDate effectiveDate;
    private boolean protectedByWindow;
    private DealOwner owner;
    private String reason;
    private String conflict;

    DealTransfer(OpenDeal deal, LocalDate effectiveDate) {
        this.deal = deal;
        this.effectiveDate = effectiveDate;
    }

    public String getDealId() {
        return deal.dealId();
    }

    public boolean isCreatedBeforeEffectiveDate() {
        return deal.createdDate().isBefore(effectiveDate);
    }

    /** Days from the effective date to the expected close date (negative when it was expected earlier). */
    public int getDaysFromEffectiveDateToExpectedClose() {
        return Arithmetic.daysFrom(effectiveDate, deal.expectedCloseDate());
    }

    public boolean isProtectedByWindow() {
        return protectedByWindow;
    }

    public void setProtectedByWindow(boolean protectedByWindow) {
        this.protectedByWindow = protectedByWindow;
    }

    public void assignOwner(DealOwner owner) {
        if (this.owner != null) {
            conflict = "deal " + deal.dealId() + " matches two rows of the DealOwnership sheet";
        }
        this.owner = owner;
    }

    public void explain(String reason) {
        this.reason = reason;
    }

    DealOwnership toOwnership() {
        if (conflict != null) {
            throw new IncompleteDecisionException(conflict);
        }
        if (owner == null) {
            throw new IncompleteDecisionException("no row of the DealOwnership sheet matched deal " + deal.dealId());
        }
        return new DealOwnership(deal.dealId(), owner, owner == DealOwner.ORIGINAL_REP ? deal.ownerRepId() : null,
                reason);
    }
}
