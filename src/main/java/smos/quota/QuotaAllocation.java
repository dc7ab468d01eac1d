package smos.quota;

import smos.common.Region;
import smos.engine.IncompleteDecisionException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The facts of one plan: the plan, the weights of each level, a fact per region, rep and transfer, all
 * raising findings into one list; and the decision read from them once the rules have fired.
 */
final class QuotaAllocation {
    private final QuotaPlan plan;
    private final List<ShareWeights> weights;
    private final List<RegionQuota> regions = new ArrayList<>();
    private final List<RepQuota> reps = new ArrayList<>();
    private final List<TransferRelief> transfers = new ArrayList<>();
    private final List<FindingRaiser.Draft> findings = FindingRaiser.Draft.list();

    QuotaAllocation(QuotaRequest request) {
        plan = new QuotaPlan(request.plan(), findings);
        ShareWeights regionWeights = new ShareWeights(AllocationLevel.REGION);
        ShareWeights repWeights = new ShareWeights(AllocationLevel.REP);
        weights = List.of(regionWeights, repWeights);
        Map<Region, RegionQuota> byRegion = new EnumMap<>(Region.class);
        for (PlanRegion region : request.regions()) {
            RegionQuota fact = new RegionQuota(region, plan, regionWeights, findings);
            regions.add(fact);
            byRegion.put(region.region(), fact);
        }
        plan.regions(regions);
        for (PlanRep rep : request.reps()) {
            reps.add(new RepQuota(rep, byRegion.get(rep.region()), plan, repWeights, findings));
        }
        for (AccountTransfer transfer : request.transfers()) {
            transfers.add(new TransferRelief(transfer, plan, findings));
        }
    }

    List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(plan);
        facts.addAll(weights);
        facts.addAll(regions);
        facts.addAll(reps);
        facts.addAll(transfers);
        return facts;
    }

    /**
     * What each stage reads that an earlier stage changed, so only those facts are updated before it: the
     * reps once (their relief and base quota before assignment), the transfers once (their relief rate).
     */
    Map<String, List<Object>> refreshedByStage() {
        List<Object> planAndRegions = new ArrayList<>(regions.size() + 1);
        planAndRegions.add(plan);
        planAndRegions.addAll(regions);
        List<Object> beforeAllocation = new ArrayList<>(planAndRegions);
        beforeAllocation.addAll(transfers);
        List<Object> beforeAssignment = new ArrayList<>(planAndRegions);
        beforeAssignment.addAll(reps);
        return Map.of("allocation", beforeAllocation, "assignment", beforeAssignment,
                "findings", planAndRegions, "verdict", List.of(plan));
    }

    QuotaDecision toDecision() {
        String problem = Stream.concat(Stream.concat(
                        Stream.of(weights.get(0).problem(), weights.get(1).problem(), plan.remainderProblem()),
                        regions.stream().map(RegionQuota::problem)),
                        Stream.concat(reps.stream().map(RepQuota::problem), transfers.stream().map(TransferRelief::problem)))
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (problem != null) {
            throw new IncompleteDecisionException(problem);
        }
        if (plan.verdict() == null) {
            throw new IncompleteDecisionException("no row of the Verdict sheet decided");
        }
        return new QuotaDecision(plan.getPlanId(), plan.verdict(), plan.getPlannedGrossProfit(),
                regions.stream().map(RegionQuota::toAllocation).toList(),
                reps.stream().map(RepQuota::toAllocation).toList(),
                transfers.stream().map(TransferRelief::toAllocation).toList(),
                findings.stream().map(FindingRaiser.Draft::toFinding).toList());
    }
}
