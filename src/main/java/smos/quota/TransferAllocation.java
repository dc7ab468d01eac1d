package smos.quota;

import java.math.BigDecimal;

/** The relief one transfer moves from {@code fromRepId} to {@code toRepId}. */
public record TransferAllocation(String accountId, String fromRepId, String toRepId, BigDecimal relief) {
}
