package smos.strategy;

import smos.common.ProductLine;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fact the strategy rules read and write: the product line's market position and feedback, and
 * what the stages decide (growth and share bands, quadrant, posture, sales motion, flags). Every
 * threshold and every posture comes from the decision tables.
 */
public final class StrategyCase {
    private final ProductLineProfile profile;
    private Band growth;
    private Band share;
    private Quadrant quadrant;
    private Posture posture;
    private SalesMotion salesMotion;
    private final Set<StrategyFlag> flags = EnumSet.noneOf(StrategyFlag.class);

    public StrategyCase(ProductLineProfile profile) {
        this.profile = profile;
    }

    // --- the product line, as the rules see it

    public ProductLine getProductLine() {
        return profile.productLine();
    }

    public BigDecimal getMarketGrowthRate() {
        return profile.marketGrowthRate();
    }

    public BigDecimal getRelativeMarketShare() {
        return profile.relativeMarketShare();
    }

    public int getCapabilityFit() {
        return profile.capabilityFit();
    }

    /** Null when not reported: no rule on NPS matches then. */
    public BigDecimal getNps() {
        return profile.nps();
    }

    /** Null when not reported: no rule on the return rate matches then. */
    public BigDecimal getReturnRate() {
        return profile.returnRate();
    }

    // --- what the stages decide

    public Band getGrowth() {
        return growth;
    }

    public void setGrowth(Band growth) {
        this.growth = growth;
    }

    public Band getShare() {
        return share;
    }

    public void setShare(Band share) {
        this.share = share;
    }

    public Quadrant getQuadrant() {
        return quadrant;
    }

    public void setQuadrant(Quadrant quadrant) {
        this.quadrant = quadrant;
    }

    public Posture getPosture() {
        return posture;
    }

    public void setPosture(Posture posture) {
        this.posture = posture;
    }

    public SalesMotion getSalesMotion() {
        return salesMotion;
    }

    public void setSalesMotion(SalesMotion salesMotion) {
        this.salesMotion = salesMotion;
    }

    public void flag(StrategyFlag flag) {
        flags.add(flag);
    }

    public boolean isQualityRisk() {
        return flags.contains(StrategyFlag.QUALITY_RISK);
    }

    public boolean isCapabilityMisfit() {
        return flags.contains(StrategyFlag.CAPABILITY_MISFIT);
    }

    StrategyDecision toDecision() {
        if (quadrant == null || posture == null || salesMotion == null) {
            throw new IncompleteDecisionException("no row of the Posture table matched growth " + growth
                    + " and share " + share + " for " + profile.productLine());
        }
        return new StrategyDecision(profile.productLine(), quadrant, posture, salesMotion, List.copyOf(flags));
    }
}
