package smos.territory;

import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/decisions/territory}: one account, the date the new map takes effect, its open deals (may be empty). */
public record TerritoryRequest(Account account, LocalDate effectiveDate, List<OpenDeal> openDeals) {
}
