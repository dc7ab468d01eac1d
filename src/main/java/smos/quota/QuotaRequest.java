package smos.quota;

import smos.common.Region;
import smos.request.CrossFieldCheck;
import smos.request.MaxItems;
import smos.request.NotEmpty;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code POST /api/v1/decisions/quota}: the annual plan, each of the four regions once, the account
 * executives and the accounts that change hands during the year ({@code transfers} may be empty).
 * Region and rep figures come from different sources and need not add up.
 */
public record QuotaRequest(
        Plan plan,
        // four regions; room above four so that a region listed twice is reported at its item, not at the list
        @MaxItems(50) List<PlanRegion> regions,
        // 5,000 account executives is far above any plan (a plan of 2,000 decides in ~45 ms of CPU), and one
        // more than that still fits the 1 MiB body limit, so the bound is what refuses it
        @NotEmpty @MaxItems(5_000) List<PlanRep> reps,
        // as many accounts changing hands as there are reps
        @MaxItems(5_000) List<AccountTransfer> transfers) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        checkRegions(violations);
        Map<String, Integer> repIndex = new HashMap<>();
        for (int i = 0; i < reps.size(); i++) {
            PlanRep rep = reps.get(i);
            Integer first = repIndex.putIfAbsent(rep.repId(), i);
            if (first != null) {
                violations.add("reps[" + i + "].repId", "'" + rep.repId() + "' is already used by reps[" + first
                        + "]; each rep is listed once");
            }
            if (rep.startDate().isAfter(plan.fiscalYearEnd())) {
                violations.add("reps[" + i + "].startDate", "must be on or before plan.fiscalYearEnd ("
                        + plan.fiscalYearEnd() + ")");
            }
        }
        for (int i = 0; i < transfers.size(); i++) {
            AccountTransfer transfer = transfers.get(i);
            if (!repIndex.containsKey(transfer.fromRepId())) {
                violations.add("transfers[" + i + "].fromRepId", "'" + transfer.fromRepId() + "' is not a repId of reps");
            }
            if (!repIndex.containsKey(transfer.toRepId())) {
                violations.add("transfers[" + i + "].toRepId", "'" + transfer.toRepId() + "' is not a repId of reps");
            } else if (transfer.toRepId().equals(transfer.fromRepId())) {
                violations.add("transfers[" + i + "].toRepId", "must be another rep than fromRepId ('"
                        + transfer.fromRepId() + "')");
            }
        }
    }

    /** Each of the four regions exactly once: a second listing names its item, a missing one the list. */
    private void checkRegions(Violations violations) {
        Map<Region, Integer> seen = new EnumMap<>(Region.class);
        for (int i = 0; i < regions.size(); i++) {
            Integer first = seen.putIfAbsent(regions.get(i).region(), i);
            if (first != null) {
                violations.add("regions[" + i + "].region", regions.get(i).region() + " is already listed by regions["
                        + first + "]; each region is listed once");
            }
        }
        StringJoiner missing = new StringJoiner(", ");
        for (Region region : Region.values()) {
            if (!seen.containsKey(region)) {
                missing.add(region.name());
            }
        }
        if (missing.length() > 0) {
            violations.add("regions", "must list each of the four regions once; missing: " + missing);
        }
    }
}
