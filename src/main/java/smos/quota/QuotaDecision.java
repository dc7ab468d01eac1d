package smos.quota;

import java.math.BigDecimal;
import java.util.List;

/** The allocated plan: REJECTED exactly when a finding is a BLOCKER; every quota is computed either way. */
public record QuotaDecision(
        String planId,
        Verdict verdict,
        BigDecimal plannedGrossProfit,
        List<RegionAllocation> regions,
        List<RepAllocation> reps,
        List<TransferAllocation> transfers,
        List<QuotaFinding> findings) {
}
