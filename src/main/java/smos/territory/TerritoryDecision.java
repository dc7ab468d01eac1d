package smos.territory;

import java.util.List;

/** The account's place in the new map (POLICY.md section 2). */
public record TerritoryDecision(
        String accountId,
        LegacyRegion legacyRegion,
        AssignedRegion region,
        List<TerritoryAlert> alerts,
        List<DealOwnership> dealOwnership) {
}
