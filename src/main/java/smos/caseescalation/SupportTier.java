package smos.caseescalation;

/** Support tiers, lowest first. */
public enum SupportTier {
    TIER_1, TIER_2, TIER_3
}
