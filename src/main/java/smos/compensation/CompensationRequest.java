package smos.compensation;

import smos.request.MaxItems;
import smos.request.CrossFieldCheck;

import java.util.List;

/**
 * {@code POST /api/v1/decisions/compensation}: one participant's statement for one period
 * (docs/domains/compensation.md). {@code deals} and {@code returns} may be empty; a manager's statement carries the team's deals.
 */
public record CompensationRequest(
        Period period,
        Participant participant,
        // a manager's statement carries the team's deals: 12 reps closing 150 deals each in one period is
        // 1,800; every deal is a fact of every stage (a 50-deal statement takes about 0.15 ms), so this
        // keeps the largest statement in the tens of milliseconds
        @MaxItems(2000) List<Deal> deals,
        // returns are a small share of the deals; the same reasoning at half the number
        @MaxItems(1000) List<ReturnedDeal> returns) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (participant.startDate().isAfter(period.end())) {
            violations.add("participant.startDate", "must be on or before period.end (" + period.end() + ")");
            return;
        }
        Proration proration = Proration.of(period, participant.startDate());
        if (proration.quota(participant.revenueQuota()).signum() == 0) {
            violations.add("participant.revenueQuota", "rounds to nothing once prorated to " + proration.describe()
                    + "; a prorated quota must stay above zero");
        }
        if (proration.quota(participant.grossProfitQuota()).signum() == 0) {
            violations.add("participant.grossProfitQuota", "rounds to nothing once prorated to " + proration.describe()
                    + "; a prorated quota must stay above zero");
        }
    }
}
