package smos.kpialerts;

/** {@code POST /api/v1/decisions/kpi-alerts}: one scorecard. */
public record KpiAlertsRequest(Scorecard scorecard) {
}
