package smos.discountapproval;

import smos.common.Role;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who may approve the discount. {@code margin} is null when the net price is 0; {@code approvers}
 * lists the roles whose approval is still needed (empty when auto-approved or rejected);
 * {@code approvalLevel} is ACCOUNT_EXECUTIVE when auto-approved, the deciding approver otherwise, and
 * null when rejected.
 */
public record DiscountDecision(
        String dealId,
        BigDecimal netPrice,
        BigDecimal margin,
        Role approvalLevel,
        List<Role> approvers,
        boolean autoApproved,
        boolean rejected,
        String reason) {
}
