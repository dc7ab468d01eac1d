package smos.quota;

import smos.common.Arithmetic;
import smos.common.Region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The plan as a whole, as the rules see it: the targets and the fiscal year, the totals over the four
 * regions (the RegionTotals rule), the planned gross profit (the sum of the region gross-profit quotas),
 * its shortfall against the target (PlanFindings sheet), and the number of blocking findings (Verdict).
 */
public final class QuotaPlan extends FindingRaiser {
    private final Plan plan;
    private final List<Draft> findings;
    private List<RegionQuota> regions = List.of();
    private BigDecimal priorYearTotal;
    private BigDecimal potentialTotal;
    private Integer regionCount;
    private RegionQuota remainderRegion;
    private String remainderConflict;
    private Verdict verdict;

    QuotaPlan(Plan plan, List<Draft> findings) {
        super(findings);
        this.plan = plan;
        this.findings = findings;
    }

    void regions(List<RegionQuota> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    Region findingRegion() {
        return null;
    }

    public String getPlanId() {
        return plan.planId();
    }

    public BigDecimal getRevenueTarget() {
        return plan.revenueTarget();
    }

    public BigDecimal getGrossProfitTarget() {
        return plan.grossProfitTarget();
    }

    public LocalDate getFiscalYearStart() {
        return plan.fiscalYearStart();
    }

    public LocalDate getFiscalYearEnd() {
        return plan.fiscalYearEnd();
    }

    /** The fiscal year's length in days, both ends counted. */
    public int getFiscalYearDays() {
        return Arithmetic.periodLength(plan.fiscalYearStart(), plan.fiscalYearEnd());
    }

    boolean contains(LocalDate date) {
        return plan.contains(date);
    }

    /** The totals over the four regions (set by the RegionTotals rule). */
    public void setRegionTotals(BigDecimal priorYearRevenue, BigDecimal marketPotential, long regions) {
        this.priorYearTotal = priorYearRevenue;
        this.potentialTotal = marketPotential;
        this.regionCount = Math.toIntExact(regions);
    }

    BigDecimal priorYearTotal() {
        return priorYearTotal;
    }

    BigDecimal potentialTotal() {
        return potentialTotal;
    }

    Integer regionCount() {
        return regionCount;
    }

    /** Called by the region that takes the rounding remainder: exactly one region may. */
    void remainderTakenBy(RegionQuota region) {
        if (remainderRegion != null && remainderConflict == null) {
            remainderConflict = "both " + remainderRegion.getRegion() + " and " + region.getRegion()
                    + " took the rounding remainder";
        }
        remainderRegion = region;
    }

    String remainderProblem() {
        if (remainderConflict != null) {
            return remainderConflict;
        }
        return remainderRegion == null ? "no region took the rounding remainder" : null;
    }

    /** The sum of the four regions' gross-profit quotas; null until each is known. */
    public BigDecimal getPlannedGrossProfit() {
        BigDecimal sum = BigDecimal.ZERO;
        for (RegionQuota region : regions) {
            BigDecimal quota = region.getGrossProfitQuota();
            if (quota == null) {
                return null;
            }
            sum = sum.add(quota);
        }
        return sum;
    }

    /** grossProfitTarget - plannedGrossProfit (0 or less when the plan reaches the target); null until known. */
    public BigDecimal getGrossProfitShortfall() {
        BigDecimal planned = getPlannedGrossProfit();
        return planned == null ? null : plan.grossProfitTarget().subtract(planned);
    }

    /** Findings raised so far whose severity is BLOCKER. */
    public int getBlockerCount() {
        return (int) findings.stream().filter(Draft::isBlocker).count();
    }

    public void decide(Verdict verdict) {
        this.verdict = verdict;
    }

    Verdict verdict() {
        return verdict;
    }
}
