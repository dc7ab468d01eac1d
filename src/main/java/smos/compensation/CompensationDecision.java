package smos.compensation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The statement (docs/domains/compensation.md). Quotas are the statement's quotas (prorated when the
 * participant started mid-period); {@code grossMargin} is null when credited revenue is 0 or less.
 */
public record CompensationDecision(
        String repId,
        String periodId,
        BigDecimal revenueQuota,
        BigDecimal grossProfitQuota,
        BigDecimal creditedRevenue,
        BigDecimal creditedGrossProfit,
        BigDecimal grossMargin,
        BigDecimal revenueAttainment,
        BigDecimal grossProfitAttainment,
        Boolean marginGateApplied,
        List<StatementLine> lines,
        BigDecimal totalPayout) {
}
