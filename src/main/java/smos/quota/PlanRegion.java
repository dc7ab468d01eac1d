package smos.quota;

import smos.common.Region;
import smos.request.NonNegative;

import java.math.BigDecimal;

/** One of the four regions with the figures its weight is computed from. */
public record PlanRegion(
        Region region,
        @NonNegative BigDecimal priorYearRevenue,
        @NonNegative BigDecimal marketPotential) {
}
