package smos.territory;

import smos.request.Matches;

/** The account to place in the new territory map. */
public record Account(
        String accountId,
        @Matches(regex = "[A-Z][A-Z]", description = "two upper-case letters, such as NY or DC") String state,
        AccountTier tier,
        LegacyRegion legacyRegion) {
}
