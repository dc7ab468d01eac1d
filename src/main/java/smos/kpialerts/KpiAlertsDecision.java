package smos.kpialerts;

import java.util.List;

/** The feedback on a scorecard; {@code alerts} is a set (its order carries no meaning). */
public record KpiAlertsDecision(
        ScopeLevel scopeLevel,
        String scopeId,
        Status status,
        boolean suspendSellInIncentives,
        Kpis kpis,
        List<RaisedAlert> alerts) {
}
