package smos.performancereview;

import smos.request.NonNegative;

/** The rep under review (POLICY.md section 5). */
public record Rep(String repId, String managerId, @NonNegative Integer tenureMonths) {
}
