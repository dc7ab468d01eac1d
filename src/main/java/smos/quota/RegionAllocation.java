package smos.quota;

import smos.common.Region;

import java.math.BigDecimal;

/** A region's quotas; {@code coverage} is null when its revenue quota is 0.00. */
public record RegionAllocation(Region region, BigDecimal weight, BigDecimal revenueQuota, BigDecimal grossProfitQuota,
                               BigDecimal assignedRevenueQuota, BigDecimal coverage) {
}
