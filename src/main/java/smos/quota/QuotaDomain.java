package smos.quota;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.List;
import java.util.Map;

/** Quota management: the plan's targets allocated to the regions and their account executives. */
public final class QuotaDomain extends DomainDefinition<QuotaRequest, QuotaDecision> {
    /**
     * settings: the tables give weights, margins, over-assignment, ramp and relief rates, and the rules
     * total the regions and each region's reps; allocation: the rounding remainder goes to one region and
     * each rep's relief is netted; assignment: each region's reps' quotas are summed; findings; verdict.
     */
    private static final List<String> STAGES = List.of("settings", "allocation", "assignment", "findings", "verdict");

    public QuotaDomain() {
        super("quota", QuotaRequest.class,
                "Annual quota allocation: the revenue target to the four regions by weights, to their account "
                        + "executives by shares with over-assignment and ramp, gross-profit quotas, relief for transferred "
                        + "accounts, growth bounds.",
                STAGES);
    }

    @Override
    public Evaluation<QuotaDecision> prepare(QuotaRequest request) {
        QuotaAllocation allocation = new QuotaAllocation(request);
        return new Evaluation<>(allocation.facts(), Map.of(), allocation::toDecision)
                .refreshingBefore(allocation.refreshedByStage());
    }
}
