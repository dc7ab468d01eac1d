package smos.returns;

import smos.request.Describe;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The decision on a claim. {@code refundAmount} and {@code restockingFee} are null unless the outcome
 * is REFUND; {@code returnDueDays} is null unless it is ADVANCE_REPLACEMENT; the warranty end date is
 * always given.
 */
@Describe("refundAmount and restockingFee are null unless the outcome is REFUND; returnDueDays is null unless "
        + "it is ADVANCE_REPLACEMENT; the warranty end date is always given")
public record ReturnDecision(
        String claimId,
        ReturnOutcome outcome,
        BigDecimal refundAmount,
        BigDecimal restockingFee,
        LocalDate warrantyEndDate,
        Integer returnDueDays,
        String offer,
        String reason) {
}
