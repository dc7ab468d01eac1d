package smos.quota;

/** Where a target is split by weighted shares: over the four regions, or over one region's reps. */
public enum AllocationLevel {
    REGION, REP
}
