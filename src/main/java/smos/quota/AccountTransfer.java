package smos.quota;

import smos.request.NonNegative;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An account that changes hands during the year: its annual revenue moves quota from one rep to another. */
public record AccountTransfer(
        String accountId,
        String fromRepId,
        String toRepId,
        LocalDate effectiveDate,
        @NonNegative BigDecimal annualRevenue) {
}
