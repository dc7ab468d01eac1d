package smos.compensation;

import smos.request.Describe;
import smos.common.Percent;
import smos.request.CrossFieldCheck;
import smos.request.NonNegative;
import smos.request.Range;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A return against a deal (which need not be in this statement's deals), credited as the deal was. */
public record ReturnedDeal(
        String dealId,
        LocalDate dealCloseDate,
        LocalDate returnDate,
        @NonNegative BigDecimal revenue,
        @NonNegative BigDecimal cost,
        @Describe("the share of the deal credited to the participant, in percent (12.5 = 12.5%), as the deal was")
        @Range(min = Percent.MIN, max = Percent.MAX) BigDecimal creditPercent) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (returnDate.isBefore(dealCloseDate)) {
            violations.add("returnDate", "must not be before dealCloseDate (" + dealCloseDate + ")");
        }
    }
}
