package smos.orgstructure;

import smos.common.Region;
import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Review of the 20% smaller management structure (docs/domains/org-structure.md). */
public final class OrgStructureDomain extends DomainDefinition<OrgStructureRequest, OrgStructureDecision> {
    /**
     * First the ReductionTarget and RequiredDirectors tables set the targets, then every findings table
     * runs (all findings are listed, not only the first), then the Verdict table decides.
     */
    private static final List<String> STAGES = List.of("target", "findings", "verdict");

    public OrgStructureDomain() {
        super("org-structure", OrgStructureRequest.class,
                "Management structure review: reduction target, spans of control, one director per region, one VP.",
                STAGES);
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
