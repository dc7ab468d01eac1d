package smos.quota;

import smos.common.Arithmetic;
import smos.common.Region;

import java.math.BigDecimal;
import java.util.List;

/**
 * One account that changes hands, as the rules see it: whether its effective date is in the fiscal year
 * (both ends included), and its relief once the Relief sheet has given the rate: annualRevenue x rate x
 * (days from effectiveDate to fiscalYearEnd + 1) / fiscal year days, one division rounded to cents.
 */
public final class TransferRelief extends FindingRaiser {
    private final AccountTransfer input;
    private final QuotaPlan plan;
    private final boolean inFiscalYear;
    private BigDecimal reliefRate;
    private int rateRows;

    TransferRelief(AccountTransfer input, QuotaPlan plan, List<Draft> findings) {
        super(findings);
        this.input = input;
        this.plan = plan;
        this.inFiscalYear = plan.contains(input.effectiveDate());
    }

    @Override
    Region findingRegion() {
        return null;
    }

    @Override
    String findingAccountId() {
        return input.accountId();
    }

    public String getAccountId() {
        return input.accountId();
    }

    public String getFromRepId() {
        return input.fromRepId();
    }

    public String getToRepId() {
        return input.toRepId();
    }

    public boolean isInFiscalYear() {
        return inFiscalYear;
    }

    public void setReliefRate(BigDecimal rate) {
        this.reliefRate = rate;
        rateRows++;
    }

    /** The relief this transfer moves; null until the Relief sheet has given the rate. */
    public BigDecimal getRelief() {
        if (reliefRate == null) {
            return null;
        }
        int remainingDays = Arithmetic.daysFrom(input.effectiveDate(), plan.getFiscalYearEnd()) + 1;
        return Arithmetic.money(input.annualRevenue().multiply(reliefRate).multiply(BigDecimal.valueOf(remainingDays)),
                BigDecimal.valueOf(plan.getFiscalYearDays()));
    }

    String problem() {
        if (rateRows == 0) {
            return "no row of the Relief sheet gives account " + getAccountId() + " a relief rate";
        }
        return rateRows > 1 ? "two rows of the Relief sheet give account " + getAccountId() + " a relief rate" : null;
    }

    TransferAllocation toAllocation() {
        return new TransferAllocation(getAccountId(), getFromRepId(), getToRepId(), getRelief());
    }
}
