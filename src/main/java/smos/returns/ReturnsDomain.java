package smos.returns;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.List;

/** Return and warranty eligibility (docs/domains/returns.md). */
public final class ReturnsDomain extends DomainDefinition<ReturnsRequest, ReturnDecision> {
    /** First the terms (warranty, proof, late dead-on-arrival), then the outcome table. */
    private static final List<String> STAGES = List.of("terms", "outcome");

    public ReturnsDomain() {
        super("returns", ReturnsRequest.class,
                "Return and warranty eligibility: refund, replace, advance replacement, redirect to the seller or deny.",
                STAGES);
    }

    @Override
    public Evaluation<ReturnDecision> prepare(ReturnsRequest request) {
        ReturnCase fact = new ReturnCase(request.claim());
        return Evaluation.of(fact, fact::toDecision);
    }
}
