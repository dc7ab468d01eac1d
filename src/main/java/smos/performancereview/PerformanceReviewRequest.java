package smos.performancereview;

import smos.request.NotEmpty;

import java.util.List;

/** {@code POST /api/v1/decisions/performance-review}: a rep and their quarters, oldest first. */
public record PerformanceReviewRequest(Rep rep, @NotEmpty List<Quarter> quarters) {
}
