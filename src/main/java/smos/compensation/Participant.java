package smos.compensation;

import smos.common.Role;
import smos.request.NonNegative;
import smos.request.Positive;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The rep (or manager) the statement is for, with the period's quotas before any proration. */
public record Participant(
        String repId,
        Role role,
        @NonNegative BigDecimal targetIncentive,
        @Positive BigDecimal revenueQuota,
        @Positive BigDecimal grossProfitQuota,
        @NonNegative BigDecimal priorPeriodGrossProfit,
        LocalDate startDate) {
}
