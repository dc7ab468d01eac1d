package smos.territory;

import smos.request.MaxItems;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/decisions/territory}: one account, the date the new map takes effect, its open deals (may be empty). */
public record TerritoryRequest(
        Account account,
        LocalDate effectiveDate,
        // the open deals of one account: the largest enterprise accounts have a few dozen; each gets its own
        // ownership decision, so the bound keeps one account's placement small
        @MaxItems(500) List<OpenDeal> openDeals) {
}
