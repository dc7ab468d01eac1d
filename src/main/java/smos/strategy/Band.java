package smos.strategy;

/** Whether market growth or relative share counts as high or low (sheets Growth and Share). */
public enum Band {
    HIGH, LOW
}
