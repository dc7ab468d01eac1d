package smos.retention;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.List;
import java.util.Map;

/** Retention triggers: the risk of losing a customer and the playbook against it (docs/domains/retention.md). */
public final class RetentionDomain extends DomainDefinition<RetentionRequest, RetentionDecision> {
    /** The signals (with the score cap and the offer terms), then the risk level, then the playbook. */
    private static final List<String> STAGES = List.of("signals", "level", "playbook");
    /** The name the sheets Score and Offer give the terms in their Variables row. */
    private static final String TERMS = "terms";

    public RetentionDomain() {
        super("retention", RetentionRequest.class,
                "Retention triggers: risk signals, risk score and level, and the playbook of actions with owners, due days and any retention offer.",
                STAGES);
    }

    @Override
    public Evaluation<RetentionDecision> prepare(RetentionRequest request) {
        RetentionTerms terms = new RetentionTerms();
        RetentionCase fact = new RetentionCase(request.customer(), terms);
        return new Evaluation<>(List.of(fact), Map.of(TERMS, terms), fact::toDecision);
    }
}
