package smos.strategy;

import smos.request.Describe;
import smos.common.ProductLine;
import smos.common.Scales;
import smos.request.NonNegative;
import smos.request.Optional;
import smos.request.Range;

import java.math.BigDecimal;

/**
 * A product line's market position and customer feedback (docs/domains/strategy.md). A market cannot
 * shrink by more than all of it, so growth is at least -1; capability fit is a 1-5 rating; the
 * aggregate NPS runs from -100 to 100 and the return rate from 0 to 1.
 */
public record ProductLineProfile(
        ProductLine productLine,
        @Range(min = "-1") BigDecimal marketGrowthRate,
        @NonNegative BigDecimal relativeMarketShare,
        @Describe("a 1-5 rating") @Range(min = Scales.RATING_MIN, max = Scales.RATING_MAX) Integer capabilityFit,
        @Optional @Range(min = Scales.NPS_MIN, max = Scales.NPS_MAX) BigDecimal nps,
        @Optional @Range(min = "0", max = "1") BigDecimal returnRate) {
}
