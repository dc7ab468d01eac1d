package smos.kpialerts;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.List;
import java.util.Map;

/** Monitoring and immediate feedback: alerts on a scorecard, routed to the right level (docs/domains/kpi-alerts.md). */
public final class KpiAlertsDomain extends DomainDefinition<KpiAlertsRequest, KpiAlertsDecision> {
    /** First each alert sheet raises its alert or not, then the recipients and the status follow from them. */
    private static final List<String> STAGES = List.of("alerts", "outcome");

    public KpiAlertsDomain() {
        super("kpi-alerts", KpiAlertsRequest.class,
                "KPI alerts: pace, pipeline, margin, channel inventory, quality and customer experience, each routed to the right level of management.",
                STAGES);
    }

    @Override
    public Evaluation<KpiAlertsDecision> prepare(KpiAlertsRequest request) {
        KpiCase fact = new KpiCase(request.scorecard());
        return new Evaluation<>(fact.facts(), Map.of(), fact::toDecision);
    }
}
