package smos.quota;

import smos.common.Arithmetic;
import smos.common.Region;

import java.math.BigDecimal;
import java.util.List;

/**
 * One account executive, as the rules see it. Java computes the definitions: whether the rep started
 * before the fiscal year, the whole months the Ramp sheet reads (tenure before the year, offset in it),
 * the share over the region's reps and the base quota (one division each, from the region's totals),
 * the revenue quota after relief. The Ramp sheet gives the ramp factor and whether the rep is a new
 * hire; the NetRelief rule gives the relief.
 */
public final class RepQuota extends FindingRaiser {
    private final PlanRep input;
    private final RegionQuota region;
    private final ShareWeights weights;
    private final boolean startedBeforeYear;
    private final int rampMonths;
    private BigDecimal rampFactor;
    private Boolean newHire;
    private int rampRows;
    private BigDecimal relief;

    RepQuota(PlanRep input, RegionQuota region, QuotaPlan plan, ShareWeights weights, List<Draft> findings) {
        super(findings);
        this.input = input;
        this.region = region;
        this.weights = weights;
        this.startedBeforeYear = input.startDate().isBefore(plan.getFiscalYearStart());
        this.rampMonths = startedBeforeYear
                ? Arithmetic.wholeMonthsFrom(input.startDate(), plan.getFiscalYearStart())
                : Arithmetic.wholeMonthsFrom(plan.getFiscalYearStart(), input.startDate());
    }

    @Override
    Region findingRegion() {
        return input.region();
    }

    @Override
    String findingRepId() {
        return input.repId();
    }

    public String getRepId() {
        return input.repId();
    }

    public Region getRegion() {
        return input.region();
    }

    public BigDecimal getPriorYearRevenue() {
        return input.priorYearRevenue();
    }

    public BigDecimal getAccountPotential() {
        return input.accountPotential();
    }

    /** Started before the fiscal year's first day. */
    public boolean isStartedBeforeYear() {
        return startedBeforeYear;
    }

    /**
     * Whole months from the start date to the fiscal year's start (tenure) when the rep started before the
     * year; from the fiscal year's start to the start date (offset) otherwise.
     */
    public int getRampMonths() {
        return rampMonths;
    }

    // --- Ramp sheet

    public void setRampFactor(BigDecimal rampFactor) {
        this.rampFactor = rampFactor;
        rampRows++;
    }

    public void setNewHire(boolean newHire) {
        this.newHire = newHire;
    }

    public BigDecimal getRampFactor() {
        return rampFactor;
    }

    public Boolean getNewHire() {
        return newHire;
    }

    // --- share and base quota

    /** The share over the region's reps as an exact fraction; null until the region's totals are known. */
    WeightedShare share() {
        if (region.getRepCount() == null || !weights.known()) {
            return null;
        }
        return weights.shareOf(input.priorYearRevenue(), region.repPriorYearTotal(), input.accountPotential(),
                region.repPotentialTotal(), region.getRepCount());
    }

    /** region revenueQuota x (1 + over-assignment) x rampFactor x share, as one division rounded to cents. */
    public BigDecimal getBaseQuota() {
        WeightedShare share = share();
        BigDecimal regionQuota = region.getRevenueQuota();
        if (share == null || regionQuota == null || rampFactor == null || region.overAssignment() == null) {
            return null;
        }
        return share.of(regionQuota.multiply(BigDecimal.ONE.add(region.overAssignment())).multiply(rampFactor));
    }

    // --- relief (quota-allocation.drl)

    /** Relief given minus relief received: negative for a net receiver. */
    public void setRelief(BigDecimal relief) {
        this.relief = Arithmetic.money(relief);
    }

    public BigDecimal getRelief() {
        return relief;
    }

    /** relief - baseQuota: above 0 when the relief is more than the rep's base quota; null until known. */
    public BigDecimal getReliefAboveBaseQuota() {
        BigDecimal base = getBaseQuota();
        return base == null || relief == null ? null : relief.subtract(base);
    }

    /** baseQuota - relief, never below 0.00. */
    public BigDecimal getRevenueQuota() {
        BigDecimal base = getBaseQuota();
        if (base == null || relief == null) {
            return null;
        }
        BigDecimal quota = base.subtract(relief);
        return quota.signum() < 0 ? Arithmetic.money(BigDecimal.ZERO) : quota;
    }

    /** revenueQuota x the planned margin of the rep's own region, rounded to cents. */
    public BigDecimal getGrossProfitQuota() {
        BigDecimal quota = getRevenueQuota();
        return quota == null || region.plannedMargin() == null ? null
                : Arithmetic.money(quota.multiply(region.plannedMargin()));
    }

    /** A defect of the rules that left this rep undecided, or null. */
    String problem() {
        if (rampRows == 0 || newHire == null) {
            return "no row of the Ramp sheet decides rep " + getRepId() + " (" + (startedBeforeYear ? "tenure" : "offset")
                    + " of " + rampMonths + " months)";
        }
        if (rampRows > 1) {
            return "two rows of the Ramp sheet decide rep " + getRepId();
        }
        return relief == null ? "the rules did not net the relief of rep " + getRepId() : null;
    }

    RepAllocation toAllocation() {
        return new RepAllocation(getRepId(), getRegion(), newHire, share().reported(), rampFactor, getBaseQuota(), relief,
                getRevenueQuota(), getGrossProfitQuota());
    }
}
