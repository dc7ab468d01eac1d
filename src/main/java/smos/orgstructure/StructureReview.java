package smos.orgstructure;

import smos.common.Arithmetic;
import smos.common.Region;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The structure as a whole, as the ReductionTarget, ReductionCheck, VpSales and Verdict tables see it:
 * the baseline and proposed manager counts, the maximum the target allows (floor of baseline x the
 * table's target share), the number of VP_SALES and of blocking findings.
 */
public final class StructureReview extends FindingRaiser {
    private final OrgStructureRequest request;
    private final List<Draft> findings;
    private BigDecimal reductionTarget;
    private Verdict verdict;

    StructureReview(OrgStructureRequest request, List<Draft> findings) {
        super(findings);
        this.request = request;
        this.findings = findings;
    }

    @Override
    String findingManagerId() {
        return null;
    }

    @Override
    Region findingRegion() {
        return null;
    }

    public int getBaselineManagerCount() {
        return request.baselineManagerCount();
    }

    /** Managers of every level in the proposed structure. */
    public int getManagerCount() {
        return request.managers().size();
    }

    public int getVpSalesCount() {
        return (int) request.managers().stream().filter(m -> m.level() == ManagerLevel.VP_SALES).count();
    }

    /** The share of the baseline the structure may keep. */
    public void setReductionTarget(BigDecimal share) {
        this.reductionTarget = share;
    }

    /** floor(baseline x target share); null until the ReductionTarget table has given the share. */
    public Integer getMaxAllowedManagers() {
        if (reductionTarget == null) {
            return null;
        }
        return BigDecimal.valueOf(getBaselineManagerCount()).multiply(reductionTarget)
                .setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /** Managers beyond the maximum allowed (0 or less when the target is met); null without a target. */
    public Integer getManagersAboveTarget() {
        Integer max = getMaxAllowedManagers();
        return max == null ? null : getManagerCount() - max;
    }

    /** Findings raised so far whose severity is BLOCKER. */
    public int getBlockerCount() {
        return (int) findings.stream().filter(Draft::isBlocker).count();
    }

    public void decide(Verdict verdict) {
        this.verdict = verdict;
    }

    OrgStructureDecision toDecision() {
        Integer max = getMaxAllowedManagers();
        if (max == null) {
            throw new IncompleteDecisionException("no row of the ReductionTarget sheet gave the target share");
        }
        if (verdict == null) {
            throw new IncompleteDecisionException("no row of the Verdict sheet decided");
        }
        BigDecimal baseline = BigDecimal.valueOf(getBaselineManagerCount());
        BigDecimal reduction = Arithmetic.divide(baseline.subtract(BigDecimal.valueOf(getManagerCount())), baseline);
        return new OrgStructureDecision(verdict, getManagerCount(), max, Arithmetic.ratio(reduction),
                findings.stream().map(Draft::toFinding).toList());
    }
}
