package smos.kpialerts;

import smos.request.Describe;
import smos.common.Scales;
import smos.request.CrossFieldCheck;
import smos.request.NonNegative;
import smos.request.Optional;
import smos.request.Positive;
import smos.request.Range;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A scorecard of a rep, a region or the company at a date of its period (docs/domains/kpi-alerts.md).
 * Money is exact; the win rate is above 0 and at most 1; the 30-day return rate is 0 to 1; a gross
 * margin is at most 1 (it may be negative); the aggregate NPS runs from -100 to 100. Units in the
 * channel and the weekly sell-through (units a week) come together or not at all.
 */
public record Scorecard(
        ScopeLevel scopeLevel,
        String scopeId,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate asOf,
        @Positive BigDecimal quota,
        @NonNegative BigDecimal bookedRevenue,
        @NonNegative BigDecimal openPipeline,
        @Range(min = "0", max = "1", minExclusive = true) BigDecimal winRate,
        @Describe("a ratio, at most 1; it may be negative") @Range(max = "1") BigDecimal grossMargin,
        @Optional @NonNegative Integer unitsInChannel,
        @Describe("units a week; given together with unitsInChannel or not at all")
        @Optional @NonNegative BigDecimal weeklySellThrough,
        @Optional @Range(min = "0", max = "1") BigDecimal returnRate30d,
        @Optional @Range(min = Scales.NPS_MIN, max = Scales.NPS_MAX) BigDecimal nps) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (periodEnd.isBefore(periodStart)) {
            violations.add("periodEnd", "must not be before periodStart (" + periodStart + ")");
        } else if (asOf.isBefore(periodStart) || asOf.isAfter(periodEnd)) {
            violations.add("asOf", "must be within the period, " + periodStart + " to " + periodEnd);
        }
        if (unitsInChannel != null && weeklySellThrough == null) {
            violations.add("weeklySellThrough", "is required when unitsInChannel is given (0 when nothing sold)");
        }
        if (weeklySellThrough != null && unitsInChannel == null) {
            violations.add("unitsInChannel", "is required when weeklySellThrough is given");
        }
    }
}
