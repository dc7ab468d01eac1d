package smos.performancereview;

import smos.common.Role;

import java.util.List;

/**
 * The review decision. {@code consecutiveQuartersBelow} counts the quarters in a row below the
 * threshold, ending with the latest (a severe miss moves the action, not this count); {@code owner}
 * and {@code reviewInDays} are null when no one acts; {@code escalatedTo} is a set, possibly empty.
 */
public record PerformanceReviewDecision(
        String repId,
        int consecutiveQuartersBelow,
        ReviewAction action,
        Role owner,
        List<Role> escalatedTo,
        Integer reviewInDays,
        String reason) {
}
