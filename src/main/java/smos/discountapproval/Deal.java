package smos.discountapproval;

import smos.request.Describe;
import smos.common.CustomerSegment;
import smos.common.Percent;
import smos.request.NonNegative;
import smos.request.Positive;
import smos.request.Range;

import java.math.BigDecimal;

/**
 * A deal asking for a discount (docs/domains/discount-approval.md). Prices are per unit; the discount is a percent
 * of the list price (12.5 = 12.5%).
 */
public record Deal(
        String dealId,
        @Describe("per unit") @Positive BigDecimal listPrice,
        @NonNegative BigDecimal unitCost,
        @Range(min = "1") Integer quantity,
        @Describe("a percent of the list price (12.5 = 12.5%)")
        @Range(min = Percent.MIN, max = Percent.MAX) BigDecimal requestedDiscountPercent,
        CustomerSegment customerSegment,
        Boolean strategicAccount) {
}
