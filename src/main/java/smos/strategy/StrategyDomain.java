package smos.strategy;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.List;

/** Product-line posture: sales strategy against core capabilities and customer feedback (docs/domains/strategy.md). */
public final class StrategyDomain extends DomainDefinition<StrategyRequest, StrategyDecision> {
    /**
     * Growth and share bands, then the quadrant and its posture, then the capability check, then the
     * customer-feedback flags, then the quality override of a posture that is still INVEST.
     */
    private static final List<String> STAGES = List.of("classify", "posture", "capability", "feedback", "quality");

    public StrategyDomain() {
        super("strategy", StrategyRequest.class,
                "Product-line posture: growth-share quadrant, posture and sales motion, checked against capabilities and customer feedback.",
                STAGES);
    }

    @Override
    public Evaluation<StrategyDecision> prepare(StrategyRequest request) {
        StrategyCase fact = new StrategyCase(request.productLine());
        return Evaluation.of(fact, fact::toDecision);
    }
}
