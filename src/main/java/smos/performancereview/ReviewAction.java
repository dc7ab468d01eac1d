package smos.performancereview;

/** The rungs of the under-performance ladder, and recognition. */
public enum ReviewAction {
    NONE, RECOGNITION, COACHING_PLAN, PERFORMANCE_IMPROVEMENT_PLAN, EMPLOYMENT_REVIEW
}
