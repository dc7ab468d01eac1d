package smos.quota;

import smos.common.Region;

import java.math.BigDecimal;

/** A rep's quotas; {@code relief} is what the rep gives minus what it receives (negative for a net receiver). */
public record RepAllocation(String repId, Region region, Boolean newHire, BigDecimal share, BigDecimal rampFactor,
                            BigDecimal baseQuota, BigDecimal relief, BigDecimal revenueQuota,
                            BigDecimal grossProfitQuota) {
}
