package smos.kpialerts;

import java.math.BigDecimal;

/**
 * The measures of a scorecard: ratios rounded half up to 4 places, the pipeline gap to cents.
 * {@code pipelineCoverage} is null when nothing remains to book; {@code weeksOfChannelInventory} is
 * null without channel figures, and when units sit in the channel but none sold last week.
 */
public record Kpis(
        BigDecimal attainment,
        BigDecimal elapsed,
        BigDecimal pace,
        BigDecimal pipelineCoverage,
        BigDecimal requiredCoverage,
        BigDecimal pipelineGap,
        BigDecimal weeksOfChannelInventory) {
}
