package smos.compensation;

import smos.request.Describe;
import smos.common.Percent;
import smos.common.ProductLine;
import smos.request.NonNegative;
import smos.request.Range;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A closed deal credited to the participant at {@code creditPercent}. */
public record Deal(
        String dealId,
        LocalDate closeDate,
        ProductLine productLine,
        @NonNegative BigDecimal revenue,
        @NonNegative BigDecimal cost,
        @Describe("the share of the deal credited to the participant, in percent (12.5 = 12.5%)")
        @Range(min = Percent.MIN, max = Percent.MAX) BigDecimal creditPercent) {
}
