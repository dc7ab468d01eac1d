package smos.territory;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Territory: from the 8 legacy regions to the 4 new ones, with open-deal protection (docs/domains/territory.md). */
public final class TerritoryDomain extends DomainDefinition<TerritoryRequest, TerritoryDecision> {
    /** First the StateRegion map and the ProtectionWindow classify, then Assignment and DealOwnership decide. */
    private static final List<String> STAGES = List.of("map", "assign");

    public TerritoryDomain() {
        super("territory", TerritoryRequest.class,
                "Territory: the new region of an account by state, the strategic-accounts override, and who keeps "
                        + "its open deals.",
                STAGES);
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
