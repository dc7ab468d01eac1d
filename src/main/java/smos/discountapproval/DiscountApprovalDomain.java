package smos.discountapproval;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.List;

/** Who may approve a discount (docs/domains/discount-approval.md). */
public final class DiscountApprovalDomain extends DomainDefinition<DiscountApprovalRequest, DiscountDecision> {
    /** One stage: the approval matrix, read top to bottom. */
    private static final List<String> STAGES = List.of("approval");

    public DiscountApprovalDomain() {
        super("discount-approval", DiscountApprovalRequest.class,
                "Who may approve a discount: auto-approval, manager, director or VP sales and finance by discount "
                        + "and margin; below-cost deals rejected unless strategic.",
                STAGES);
    }

    @Override
    public Evaluation<DiscountDecision> prepare(DiscountApprovalRequest request) {
        DiscountCase fact = new DiscountCase(request.deal());
        return Evaluation.of(fact, fact::toDecision);
    }
}
