package smos.returns;

import smos.engine.DecisionDomain;
import smos.engine.Evaluation;

import java.util.List;

/** Return and warranty eligibility (docs/domains/returns.md). */
public final class ReturnsDomain implements DecisionDomain<ReturnsRequest, ReturnDecision> {
    /** First the terms (warranty, proof, late dead-on-arrival), then the outcome table. */
    private static final List<String> STAGES = List.of("terms", "outcome");

    @Override
    public String id() {
        return "returns";
    }

    @Override
    public String description() {
        return "Return and warranty eligibility: refund, replace, advance replacement, redirect to the seller or deny.";
    }

    @Override
    public Class<ReturnsRequest> requestType() {
        return ReturnsRequest.class;
    }

    @Override
    public List<String> stages() {
        return STAGES;
    }

    @Override
    public Evaluation<ReturnDecision> prepare(ReturnsRequest request) {
        ReturnCase fact = new ReturnCase(request.claim());
        return Evaluation.of(fact, fact::toDecision);
    }
}
