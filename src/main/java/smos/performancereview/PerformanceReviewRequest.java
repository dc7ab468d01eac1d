package smos.performancereview;

import smos.request.Describe;
import smos.request.MaxItems;
import smos.request.NotEmpty;

import java.util.List;

/** {@code POST /api/v1/decisions/performance-review}: a rep and their quarters, oldest first. */
public record PerformanceReviewRequest(
        Rep rep,
        // 25 years of quarters, more than any rep's history; each quarter is a fact the rules mark, so the
        // bound keeps a review to a hundred firings (10,000 quarters ran into the rules' loop guard)
        @Describe("oldest first: the last is the latest quarter") @NotEmpty @MaxItems(100) List<Quarter> quarters) {
}
