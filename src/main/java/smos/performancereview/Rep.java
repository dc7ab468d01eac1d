package smos.performancereview;

import smos.request.NonNegative;

/** The rep under review (docs/domains/performance-review.md). */
public record Rep(String repId, String managerId, @NonNegative Integer tenureMonths) {
}
