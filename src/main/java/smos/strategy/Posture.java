package smos.strategy;

/** How the company invests in a product line. */
public enum Posture {
    INVEST, MAINTAIN, INVEST_SELECTIVELY, REVIEW, HARVEST, FIX_QUALITY_FIRST
}
