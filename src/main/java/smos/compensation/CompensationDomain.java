package smos.compensation;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.List;
import java.util.Map;

/** The compensation statement: revenue and gross-profit components, margin gate, kicker, SPIFs (docs/domains/compensation.md). */
public final class CompensationDomain extends DomainDefinition<CompensationRequest, CompensationDecision> {
    /**
     * First the Clawback table classifies the returns (so credited amounts are known), then the Split,
     * PayoutCurve, GrowthKicker and Spif tables pay, then the MarginGate caps the revenue factor.
     */
    private static final List<String> STAGES = List.of("clawback", "payout", "gate");

    public CompensationDomain() {
        super("compensation", CompensationRequest.class,
                "Incentive statement: revenue and gross-profit components on a banded payout curve, margin gate, "
                        + "profitability growth kicker, SPIFs and clawbacks.",
                STAGES);
    }

    @Override
    public Evaluation<CompensationDecision> prepare(CompensationRequest request) {
        CompensationStatement statement = new CompensationStatement(request);
        return new Evaluation<>(statement.facts(), Map.of(), statement::toDecision)
                .refreshingOnly(statement.changingFacts());
    }
}
