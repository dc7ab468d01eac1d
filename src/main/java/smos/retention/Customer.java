package smos.retention;

import smos.request.Describe;
import smos.common.CustomerSegment;
import smos.common.Scales;
import smos.request.NonNegative;
import smos.request.Optional;
import smos.request.Range;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer as the CRM sees it (docs/domains/retention.md). Order amounts are money. The NPS answer is
 * 0 to 10; a gross margin is at most 1 (it may be negative). A renewal date before {@code asOf} is
 * valid: that renewal has passed.
 */
public record Customer(
        String customerId,
        CustomerSegment segment,
        @NonNegative BigDecimal annualRevenue,
        @Describe("the customer's NPS answer") @Optional @Range(min = Scales.NPS_SCORE_MIN, max = Scales.NPS_SCORE_MAX) Integer npsScore,
        @NonNegative BigDecimal ordersLast90Days,
        @NonNegative BigDecimal ordersPrior90Days,
        @NonNegative Integer openSupportCases,
        Boolean competitorMentioned,
        @Optional LocalDate renewalDate,
        LocalDate asOf,
        @Range(max = "1") BigDecimal grossMargin) {
}
