package smos.compensation;

import smos.request.CrossFieldCheck;

import java.util.List;

/**
 * {@code POST /api/v1/decisions/compensation}: one participant's statement for one period (POLICY.md
 * section 4). {@code deals} and {@code returns} may be empty; a manager's statement carries the team's deals.
 */
public record CompensationRequest(
        Period period,
        Participant participant,
        List<Deal> deals,
        List<ReturnedDeal> returns) implements CrossFieldCheck {

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
