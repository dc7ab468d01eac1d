package smos.strategy;

/** How the sales force works a product line. */
public enum SalesMotion {
    ACQUIRE_NEW_CUSTOMERS, EXPAND_AND_RETAIN, TARGETED_ACQUISITION, HOLD, RETAIN_PROFITABLY
}
