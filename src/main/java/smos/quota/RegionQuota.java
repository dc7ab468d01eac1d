package smos.quota;

import smos.common.Arithmetic;
import smos.common.Region;

import java.math.BigDecimal;
import java.util.List;

/**
 * One region, as the rules see it. The Regions sheet gives its planned gross margin and over-assignment;
 * the rules of quota-allocation.drl give the totals over its reps, the rounding remainder it takes and
 * the quota its reps are assigned. Java computes the definitions: the weight (an exact fraction of the
 * plan's totals), the revenue quota rounded once, the gross-profit quota, the under-assignment.
 * Getters answer null while what they need is not known yet.
 */
public final class RegionQuota extends FindingRaiser {
    private final PlanRegion input;
    private final QuotaPlan plan;
    private final ShareWeights weights;
    private BigDecimal plannedMargin;
    private BigDecimal overAssignment;
    private int settingRows;
    private BigDecimal repPriorYearTotal;
    private BigDecimal repPotentialTotal;
    private Integer repCount;
    private BigDecimal remainder;
    private BigDecimal assigned;

    RegionQuota(PlanRegion input, QuotaPlan plan, ShareWeights weights, List<Draft> findings) {
        super(findings);
        this.input = input;
        this.plan = plan;
        this.weights = weights;
    }

    @Override
    Region findingRegion() {
        return input.region();
    }

    public Region getRegion() {
        return input.region();
    }

    /** The region's name: the remainder goes to the alphabetically first of regions with equal weights. */
    public String getRegionName() {
        return input.region().name();
    }

    public BigDecimal getPriorYearRevenue() {
        return input.priorYearRevenue();
    }

    public BigDecimal getMarketPotential() {
        return input.marketPotential();
    }

    // --- Regions sheet

    public void setPlannedMargin(BigDecimal margin) {
        this.plannedMargin = margin;
        settingRows++;
    }

    public void setOverAssignment(BigDecimal overAssignment) {
        this.overAssignment = overAssignment;
    }

    BigDecimal plannedMargin() {
        return plannedMargin;
    }

    BigDecimal overAssignment() {
        return overAssignment;
    }

    // --- the weight and the revenue quota

    /** The weight as an exact fraction; null until the plan's totals and the REGION weights are known. */
    WeightedShare weight() {
        if (plan.regionCount() == null || !weights.known()) {
            return null;
        }
        return weights.shareOf(input.priorYearRevenue(), plan.priorYearTotal(), input.marketPotential(),
                plan.potentialTotal(), plan.regionCount());
    }

    /**
     * The weight times the denominator the four regions share: it orders the regions exactly as their
     * weights do, without a division (the remainder goes to the largest weight, exactly).
     */
    public BigDecimal getComparableWeight() {
        WeightedShare weight = weight();
        return weight == null ? null : weight.numerator();
    }

    /** revenueTarget x weight, rounded once to cents, before the remainder. */
    public BigDecimal getRoundedRevenueQuota() {
        WeightedShare weight = weight();
        return weight == null ? null : weight.of(plan.getRevenueTarget());
    }

    /** The rounding remainder (revenueTarget minus the sum of the four rounded quotas), from the rules. */
    public void takeRemainder(BigDecimal remainder) {
        this.remainder = remainder;
        plan.remainderTakenBy(this);
    }

    /** The region's revenue quota: rounded, plus the remainder when this region took it. */
    public BigDecimal getRevenueQuota() {
        BigDecimal rounded = getRoundedRevenueQuota();
        if (rounded == null) {
            return null;
        }
        return remainder == null ? rounded : rounded.add(remainder);
    }

    public BigDecimal getGrossProfitQuota() {
        BigDecimal quota = getRevenueQuota();
        return quota == null || plannedMargin == null ? null : Arithmetic.money(quota.multiply(plannedMargin));
    }

    // --- the region's reps

    /** The totals over the region's reps, from the rules (an accumulate over the reps of the region). */
    public void setRepTotals(BigDecimal priorYearRevenue, BigDecimal accountPotential, long reps) {
        this.repPriorYearTotal = priorYearRevenue;
        this.repPotentialTotal = accountPotential;
        this.repCount = Math.toIntExact(reps);
    }

    public Integer getRepCount() {
        return repCount;
    }

    BigDecimal repPriorYearTotal() {
        return repPriorYearTotal;
    }

    BigDecimal repPotentialTotal() {
        return repPotentialTotal;
    }

    /** The sum of the revenue quotas of the region's reps, from the rules. */
    public void setAssignedRevenueQuota(BigDecimal assigned) {
        this.assigned = Arithmetic.money(assigned);
    }

    public BigDecimal getAssignedRevenueQuota() {
        return assigned;
    }

    /** revenueQuota - assignedRevenueQuota (0 or less when the reps carry the whole quota); null until known. */
    public BigDecimal getUnderAssignment() {
        BigDecimal quota = getRevenueQuota();
        return quota == null || assigned == null ? null : quota.subtract(assigned);
    }

    /** A defect of the rules that left this region undecided, or null. */
    String problem() {
        if (settingRows == 0 || plannedMargin == null || overAssignment == null) {
            return "no row of the Regions sheet gives " + getRegion() + " its planned margin and over-assignment";
        }
        if (settingRows > 1) {
            return "two rows of the Regions sheet give " + getRegion() + " its planned margin";
        }
        if (repCount == null || assigned == null) {
            return "the rules did not total the reps of " + getRegion();
        }
        return null;
    }

    RegionAllocation toAllocation() {
        BigDecimal quota = getRevenueQuota();
        BigDecimal coverage = quota.signum() == 0 ? null : Arithmetic.ratio(assigned, quota);
        return new RegionAllocation(getRegion(), weight().reported(), quota, getGrossProfitQuota(), assigned, coverage);
    }
}
