package smos.discountapproval;

import smos.engine.DecisionDomain;
import smos.engine.Evaluation;

import java.util.List;

/** Who may approve a discount (docs/domains/discount-approval.md). */
public final class DiscountApprovalDomain implements DecisionDomain<DiscountApprovalRequest, DiscountDecision> {
    /** One stage: the approval matrix, read top to bottom. */
    private static final List<String> STAGES = List.of("approval");

    @Override
    public String id() {
        return "discount-approval";
    }

    @Override
    public String description() {
        return "Who may approve a discount: auto-approval, manager, director or VP sales and finance by discount "
                + "and margin; below-cost deals rejected unless strategic.";
    }

    @Override
    public Class<DiscountApprovalRequest> requestType() {
        return DiscountApprovalRequest.class;
    }

    @Override
    public List<String> stages() {
        return STAGES;
    }

    @Override
    public Evaluation<DiscountDecision> prepare(DiscountApprovalRequest request) {
        DiscountCase fact = new DiscountCase(request.deal());
        return Evaluation.of(fact, fact::toDecision);
    }
}
