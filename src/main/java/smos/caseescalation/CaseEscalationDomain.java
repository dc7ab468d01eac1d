package smos.caseescalation;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.List;

/** Customer service escalation procedure (docs/domains/case-escalation.md). */
public final class CaseEscalationDomain extends DomainDefinition<CaseEscalationRequest, CaseEscalationDecision> {
    /** Ownership and priority overrides, then the targets of the effective priority, then the SLA status. */
    private static final List<String> STAGES = List.of("routing", "targets", "status");

    public CaseEscalationDomain() {
        super("case-escalation", CaseEscalationRequest.class,
                "Customer service escalation: effective priority, first-response SLA status, support tier, owner "
                        + "and who is notified, as of the request's now.",
                STAGES);
    }

    @Override
    public Evaluation<CaseEscalationDecision> prepare(CaseEscalationRequest request) {
        EscalationCase fact = new EscalationCase(request.supportCase());
        return Evaluation.of(fact, fact::toDecision);
    }
}
