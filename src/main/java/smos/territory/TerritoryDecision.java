package smos.territory;

import java.util.List;

/** The account's place in the new map (docs/domains/territory.md). */
public record TerritoryDecision(
        String accountId,
        LegacyRegion legacyRegion,
        AssignedRegion region,
        List<TerritoryAlert> alerts,
        List<DealOwnership> dealOwnership) {
}
