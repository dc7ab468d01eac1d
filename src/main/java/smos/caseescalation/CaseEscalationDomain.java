package smos.caseescalation;

import smos.engine.DecisionDomain;
import smos.engine.Evaluation;

import java.util.List;

/** Customer service escalation procedure (docs/domains/case-escalation.md). */
public final class CaseEscalationDomain implements DecisionDomain<CaseEscalationRequest, CaseEscalationDecision> {
    /** Ownership and priority overrides, then the targets of the effective priority, then the SLA status. */
    private static final List<String> STAGES = List.of("routing", "targets", "status");

    @Override
    public String id() {
        return "case-escalation";
    }

    @Override
    public String description() {
        return "Customer service escalation: effective priority, first-response SLA status, support tier, owner "
                + "and who is notified, as of the request's now.";
    }

    @Override
    public Class<CaseEscalationRequest> requestType() {
        return CaseEscalationRequest.class;
    }

    @Override
    public List<String> stages() {
        return STAGES;
    }

    @Override
    public Evaluation<CaseEscalationDecision> prepare(CaseEscalationRequest request) {
        EscalationCase fact = new EscalationCase(request.supportCase());
        return Evaluation.of(fact, fact::toDecision);
    }
}
