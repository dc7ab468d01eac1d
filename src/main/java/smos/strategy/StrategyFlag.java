package smos.strategy;

/** A warning attached to a posture: the capabilities do not fit, or customers signal a quality problem. */
public enum StrategyFlag {
    CAPABILITY_MISFIT, QUALITY_RISK
}
