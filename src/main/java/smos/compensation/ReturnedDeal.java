package smos.compensation;

import smos.common.Arithmetic;
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
        @Range(min = "0", max = Arithmetic.PERCENT_MAX) BigDecimal creditPercent) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (returnDate.isBefore(dealCloseDate)) {
            violations.add("returnDate", "must not be before dealCloseDate (" + dealCloseDate + ")");
        }
    }
}
