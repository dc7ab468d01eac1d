package smos.quota;

import java.math.BigDecimal;

/**
 * The weights of a level's weighted share, as the Weights table gives them: how much the share of
 * prior-year revenue and the share of potential (market potential for regions, account potential for
 * reps) count.
 */
public final class ShareWeights {
    private final AllocationLevel level;
    private BigDecimal priorYearWeight;
    private BigDecimal potentialWeight;
    private int rows;

    ShareWeights(AllocationLevel level) {
        this.level = level;
    }

    public AllocationLevel getLevel() {
        return level;
    }

    public void setPriorYearWeight(BigDecimal weight) {
        this.priorYearWeight = weight;
        rows++;
    }

    public void setPotentialWeight(BigDecimal weight) {
        this.potentialWeight = weight;
    }

    boolean known() {
        return priorYearWeight != null && potentialWeight != null;
    }

    /**
     * The weighted share of an item with {@code x} of the total {@code total} of one figure and {@code y}
     * of {@code yTotal} of the other, over {@code items} items: priorYearWeight x x / total + potentialWeight
     * x y / yTotal as one fraction; a total of 0 gives each item 1 / items (equal shares).
     */
    WeightedShare shareOf(BigDecimal x, BigDecimal total, BigDecimal y, BigDecimal yTotal, int items) {
        BigDecimal n = BigDecimal.valueOf(items);
        BigDecimal p = total.signum() == 0 ? BigDecimal.ONE : x;
        BigDecimal bigP = total.signum() == 0 ? n : total;
        BigDecimal a = yTotal.signum() == 0 ? BigDecimal.ONE : y;
        BigDecimal bigA = yTotal.signum() == 0 ? n : yTotal;
        return new WeightedShare(priorYearWeight.multiply(p).multiply(bigA).add(potentialWeight.multiply(a).multiply(bigP)),
                bigP.multiply(bigA));
    }

    /** A defect of the rules (no row, or two rows, for this level), or null. */
    String problem() {
        if (rows == 0 || !known()) {
            return "no row of the Weights sheet gives the " + level + " weights";
        }
        return rows > 1 ? "two rows of the Weights sheet give the " + level + " weights" : null;
    }
}
