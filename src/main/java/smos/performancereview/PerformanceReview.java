package smos.performancereview;

import smos.common.Role;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fact the ladder reads and writes: the rep's tenure, the latest attainment, the count of
 * consecutive quarters below the threshold (ending with the latest; the rules marked them), the
 * extra steps a severe miss adds, and what the ladder decides. Every threshold, step, owner and
 * review period comes from the decision tables.
 */
public final class PerformanceReview {
    private final Rep rep;
    private final List<QuarterResult> quarters;
    private int extraSteps;

    private ReviewAction action;
    private Role owner;
    private final Set<Role> escalatedTo = new LinkedHashSet<>();
    private Integer reviewInDays;
    private String explanation;

    public PerformanceReview(Rep rep, List<QuarterResult> quarters) {
        this.rep = rep;
        this.quarters = List.copyOf(quarters);
    }

    // --- the request, as the rules see it

    public int getTenureMonths() {
        return rep.tenureMonths();
    }

    /** The attainment of the latest (last) quarter. */
    public BigDecimal getLatestAttainment() {
        return quarters.get(quarters.size() - 1).getAttainment();
    }

    // --- definitions

    /** The quarters in a row, ending with the latest, that the rules marked below the threshold. */
    public int getConsecutiveQuartersBelow() {
        int count = 0;
        for (int i = quarters.size() - 1; i >= 0 && quarters.get(i).isBelowThreshold(); i--) {
            count++;
        }
        return count;
    }

    /** The rung of the ladder: the consecutive quarters below plus the steps a severe miss adds. */
    public int getLadderStep() {
        return getConsecutiveQuartersBelow() + extraSteps;
    }

    // --- what the first stage decides

    public void moveUpTheLadder(int steps) {
        this.extraSteps += steps;
    }

    // --- what the ladder decides

    public void decide(ReviewAction action) {
        this.action = action;
    }

    public void assignOwner(Role owner) {
        this.owner = owner;
    }

    public void escalateTo(Role role) {
        escalatedTo.add(role);
    }

    public void reviewWithinDays(int days) {
        this.reviewInDays = days;
    }

    public void explain(String explanation) {
        this.explanation = explanation;
    }

    PerformanceReviewDecision toDecision() {
        if (action == null) {
            throw new IncompleteDecisionException("no row of the Ladder table matched rep " + rep.repId());
        }
        return new PerformanceReviewDecision(rep.repId(), getConsecutiveQuartersBelow(), action, owner,
                List.copyOf(escalatedTo), reviewInDays, explanation);
    }
}
