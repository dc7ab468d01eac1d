package smos.quota;

import smos.common.Region;
import smos.request.NonNegative;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One account executive: region, start date and the figures its share is computed from. */
public record PlanRep(
        String repId,
        Region region,
        LocalDate startDate,
        @NonNegative BigDecimal priorYearRevenue,
        @NonNegative BigDecimal accountPotential) {
}
