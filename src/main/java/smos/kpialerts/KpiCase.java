package smos.kpialerts;

import smos.common.Arithmetic;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fact the KPI rules read: the scorecard and the measures defined on it (attainment, elapsed
 * share of the period, pace, pipeline coverage, weeks of channel inventory), each computed as one
 * exact division and compared unrounded. It holds one {@link Alert} per alert code, which the rules
 * raise or leave quiet, and the status the last stage sets. Every threshold, band, recipient and
 * message comes from the decision tables.
 */
public final class KpiCase {
    private final Scorecard card;
    private final Map<AlertCode, Alert> alerts = new EnumMap<>(AlertCode.class);
    private Status status;

    public KpiCase(Scorecard card) {
        this.card = card;
        for (AlertCode code : AlertCode.values()) {
            alerts.put(code, new Alert(code, this));
        }
    }

    /** The facts to insert: this scorecard and its alerts. */
    List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(this);
        facts.addAll(alerts.values());
        return facts;
    }

    // --- the scorecard, as the rules see it

    public ScopeLevel getScopeLevel() {
        return card.scopeLevel();
    }

    public BigDecimal getGrossMargin() {
        return card.grossMargin();
    }

    /** Null when the scorecard has no channel figures. */
    public Integer getUnitsInChannel() {
        return card.unitsInChannel();
    }

    /** Units sold out of the channel in a week; null when the scorecard has no channel figures. */
    public BigDecimal getWeeklySellThrough() {
        return card.weeklySellThrough();
    }

    /** Null when not reported: no rule on the return rate matches then. */
    public BigDecimal getReturnRate30d() {
        return card.returnRate30d();
    }

    /** Null when not reported: no rule on NPS matches then. */
    public BigDecimal getNps() {
        return card.nps();
    }

    // --- definitions (unrounded; the decision rounds them)

    private int periodDays() {
        return Arithmetic.periodLength(card.periodStart(), card.periodEnd());
    }

    /** Days from periodStart to asOf, plus one: asOf counts as elapsed. */
    private int elapsedDays() {
        return Arithmetic.periodLength(card.periodStart(), card.asOf());
    }

    /** The share of the period elapsed at asOf. */
    public BigDecimal getElapsed() {
        return Arithmetic.divide(BigDecimal.valueOf(elapsedDays()), BigDecimal.valueOf(periodDays()));
    }

    public BigDecimal getAttainment() {
        return Arithmetic.divide(card.bookedRevenue(), card.quota());
    }

    /** Attainment over elapsed, as one division: booked x period days / (quota x elapsed days). */
    public BigDecimal getPace() {
        return Arithmetic.divide(card.bookedRevenue().multiply(BigDecimal.valueOf(periodDays())),
                card.quota().multiply(BigDecimal.valueOf(elapsedDays())));
    }

    /** Quota still to book, never below 0. */
    public BigDecimal getRemaining() {
        return card.quota().subtract(card.bookedRevenue()).max(BigDecimal.ZERO);
    }

    /** The pipeline needed per unit still to book at this win rate: 1 / winRate. */
    public BigDecimal getRequiredCoverage() {
        return Arithmetic.divide(BigDecimal.ONE, card.winRate());
    }

    /** Open pipeline over the quota still to book; null when nothing remains to book. */
    public BigDecimal getPipelineCoverage() {
        BigDecimal remaining = getRemaining();
        return remaining.signum() == 0 ? null : Arithmetic.divide(card.openPipeline(), remaining);
    }

    /** True when something remains to book and the pipeline covers less of it than the win rate requires. */
    public boolean isCoverageBelowRequired() {
        BigDecimal coverage = getPipelineCoverage();
        return coverage != null && coverage.compareTo(getRequiredCoverage()) < 0;
    }

    /**
     * Units in the channel over the weekly sell-through. Null without channel figures, and when units
     * sit in the channel but none sold (no number of weeks describes that; the sheet ChannelInventory
     * treats it on a row of its own). No units in the channel are 0 weeks, whatever the sell-through.
     */
    public BigDecimal getWeeksOfChannelInventory() {
        Integer units = card.unitsInChannel();
        BigDecimal sellThrough = card.weeklySellThrough();
        if (units == null || sellThrough == null) {
            return null;
        }
        if (units == 0) {
            return BigDecimal.ZERO;
        }
        return sellThrough.signum() == 0 ? null : Arithmetic.divide(BigDecimal.valueOf(units), sellThrough);
    }

    // --- what the alert stage decided, for the outcome stage

    /** The most severe raised alert's severity; null when no alert is raised. */
    public Severity getMostSevereAlert() {
        Severity most = null;
        for (Alert alert : alerts.values()) {
            if (alert.isRaised() && (most == null || alert.getSeverity().compareTo(most) > 0)) {
                most = alert.getSeverity();
            }
        }
        return most;
    }

    public int getAlertsRaised() {
        return (int) alerts.values().stream().filter(Alert::isRaised).count();
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    // --- what each alert reports

    /** The measure an alert is about, unrounded; null when it has none. */
    BigDecimal measure(AlertCode code) {
        return switch (code) {
            case BEHIND_PACE -> getPace();
            case PIPELINE_GAP -> getPipelineCoverage();
            case MARGIN_EROSION -> card.grossMargin();
            case CHANNEL_OVERSTOCK -> getWeeksOfChannelInventory();
            case QUALITY -> card.returnRate30d();
            case CUSTOMER_EXPERIENCE -> card.nps();
        };
    }

    /** The threshold that comes from the scorecard itself rather than a table: the required coverage. */
    BigDecimal ownThreshold(AlertCode code) {
        return code == AlertCode.PIPELINE_GAP ? getRequiredCoverage() : null;
    }

    /** "Rep R-17", "Region NORTHEAST", "Company AEROLINK": how a message names the scorecard. */
    String scopeName() {
        String level = card.scopeLevel().name();
        return level.charAt(0) + level.substring(1).toLowerCase(Locale.ROOT) + " " + card.scopeId();
    }

    KpiAlertsDecision toDecision() {
        if (status == null) {
            throw new IncompleteDecisionException("no row of the Status table matched the alerts of " + scopeName());
        }
        List<RaisedAlert> raised = new ArrayList<>();
        boolean suspend = false;
        for (Alert alert : alerts.values()) {
            if (alert.isRaised()) {
                raised.add(alert.toRaisedAlert());
                suspend |= alert.isSuspendSellInIncentives();
            }
        }
        BigDecimal coverage = getPipelineCoverage();
        BigDecimal gap = alerts.get(AlertCode.PIPELINE_GAP).isRaised()
                ? Arithmetic.divide(getRemaining(), card.winRate()).subtract(card.openPipeline())
                : BigDecimal.ZERO;
        Kpis kpis = new Kpis(Arithmetic.ratio(getAttainment()), Arithmetic.ratio(getElapsed()),
                Arithmetic.ratio(getPace()), Arithmetic.ratio(coverage), Arithmetic.ratio(getRequiredCoverage()),
                Arithmetic.money(gap), Arithmetic.ratio(getWeeksOfChannelInventory()));
        return new KpiAlertsDecision(card.scopeLevel(), card.scopeId(), status, suspend, kpis,
                Collections.unmodifiableList(raised));
    }
}
