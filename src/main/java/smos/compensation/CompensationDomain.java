package smos.compensation;

import smos.engine.DecisionDomain;
import smos.engine.Evaluation;

import java.util.List;
import java.util.Map;

/** The compensation statement: revenue and gross-profit components, margin gate, kicker, SPIFs (docs/domains/compensation.md). */
public final class CompensationDomain implements DecisionDomain<CompensationRequest, CompensationDecision> {
    /**
     * First the Clawback table classifies the returns (so credited amounts are known), then the Split,
     * PayoutCurve, GrowthKicker and Spif tables pay, then the MarginGate caps the revenue factor.
     */
    private static final List<String> STAGES = List.of("clawback", "payout", "gate");

    @Override
    public String id() {
        return "compensation";
    }

    @Override
    public String description() {
        return "Incentive statement: revenue and gross-profit components on a banded payout curve, margin gate, "
                + "profitability growth kicker, SPIFs and clawbacks.";
    }

    @Override
    public Class<CompensationRequest> requestType() {
        return CompensationRequest.class;
    }

    @Override
    public List<String> stages() {
        return STAGES;
    }

    @Override
    public Evaluation<CompensationDecision> prepare(CompensationRequest request) {
        CompensationStatement statement = new CompensationStatement(request);
        return new Evaluation<>(statement.facts(), Map.of(), statement::toDecision)
                .refreshingOnly(statement.changingFacts());
    }
}
