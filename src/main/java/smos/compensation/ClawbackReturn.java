package smos.compensation;

import smos.common.Percent;
import smos.common.Arithmetic;

import java.math.BigDecimal;

/**
 * A return, as the Clawback table sees it: whether it was returned in the period and how many days
 * after its deal closed. The table decides whether it is clawed back; a clawed-back return takes its
 * credited revenue and gross profit off the statement.
 */
public final class ClawbackReturn {
    private final ReturnedDeal returned;
    private final boolean inPeriod;
    private boolean clawedBack;

    ClawbackReturn(ReturnedDeal returned, Period period) {
        this.returned = returned;
        this.inPeriod = period.contains(returned.returnDate());
    }

    public String getDealId() {
        return returned.dealId();
    }

    /** The return date lies in the period (both ends included). */
    public boolean isInPeriod() {
        return inPeriod;
    }

    /** Days from the deal's close date to the return date (same day = 0). */
    public int getDaysAfterDealClose() {
        return Arithmetic.daysFrom(returned.dealCloseDate(), returned.returnDate());
    }

    public boolean isClawedBack() {
        return clawedBack;
    }

    public void setClawedBack(boolean clawedBack) {
        this.clawedBack = clawedBack;
    }

    /** Revenue taken off the statement: revenue x creditPercent/100 when clawed back, else 0. */
    BigDecimal revenueClawedBack() {
        return clawedBack ? returned.revenue().multiply(Percent.asFraction(returned.creditPercent())) : BigDecimal.ZERO;
    }

    /** Gross profit taken off the statement: (revenue - cost) x creditPercent/100 when clawed back, else 0. */
    BigDecimal grossProfitClawedBack() {
        return clawedBack
                ? returned.revenue().subtract(returned.cost()).multiply(Percent.asFraction(returned.creditPercent()))
                : BigDecimal.ZERO;
    }
}
