package smos.territory;

import smos.engine.DecisionDomain;
import smos.engine.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Territory: from the 8 legacy regions to the 4 new ones, with open-deal protection (docs/domains/territory.md). */
public final class TerritoryDomain implements DecisionDomain<TerritoryRequest, TerritoryDecision> {
    /** First the StateRegion map and the ProtectionWindow classify, then Assignment and DealOwnership decide. */
    private static final List<String> STAGES = List.of("map", "assign");

    @Override
    public String id() {
        return "territory";
    }

    @Override
    public String description() {
        return "Territory: the new region of an account by state, the strategic-accounts override, and who keeps "
                + "its open deals.";
    }

    @Override
    public Class<TerritoryRequest> requestType() {
        return TerritoryRequest.class;
    }

    @Override
    public List<String> stages() {
        return STAGES;
    }

    @Override
    public Evaluation<TerritoryDecision> prepare(TerritoryRequest request) {
        AccountPlacement account = new AccountPlacement(request.account());
        List<DealTransfer> deals = request.openDeals().stream()
                .map(d -> new DealTransfer(d, request.effectiveDate())).toList();
        List<Object> facts = new ArrayList<>();
        facts.add(account);
        facts.addAll(deals);
        return new Evaluation<>(facts, Map.of(), () -> new TerritoryDecision(request.account().accountId(),
                request.account().legacyRegion(), account.region(), account.alerts(),
                deals.stream().map(DealTransfer::toOwnership).toList()));
    }
}
