package smos.orgstructure;

import smos.common.Region;
import smos.engine.DecisionDomain;
import smos.engine.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Review of the 20% smaller management structure (docs/domains/org-structure.md). */
public final class OrgStructureDomain implements DecisionDomain<OrgStructureRequest, OrgStructureDecision> {
    /**
     * First the ReductionTarget and RequiredDirectors tables set the targets, then every findings table
     * runs (all findings are listed, not only the first), then the Verdict table decides.
     */
    private static final List<String> STAGES = List.of("target", "findings", "verdict");

    @Override
    public String id() {
        return "org-structure";
    }

    @Override
    public String description() {
        return "Management structure review: reduction target, spans of control, one director per region, one VP.";
    }

    @Override
    public Class<OrgStructureRequest> requestType() {
        return OrgStructureRequest.class;
    }

    @Override
    public List<String> stages() {
        return STAGES;
    }

    @Override
    public Evaluation<OrgStructureDecision> prepare(OrgStructureRequest request) {
        List<FindingRaiser.Draft> findings = FindingRaiser.Draft.list();
        StructureReview review = new StructureReview(request, findings);
        List<Object> facts = new ArrayList<>();
        facts.add(review);
        request.managers().forEach(m -> facts.add(new ManagerSpan(m, findings)));
        for (Region region : Region.values()) {
            facts.add(new RegionCoverage(region, request.managers(), findings));
        }
        return new Evaluation<>(facts, Map.of(), review::toDecision);
    }
}
