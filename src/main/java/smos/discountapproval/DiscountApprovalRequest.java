package smos.discountapproval;

/** {@code POST /api/v1/decisions/discount-approval}: one deal asking for a discount. */
public record DiscountApprovalRequest(Deal deal) {
}
