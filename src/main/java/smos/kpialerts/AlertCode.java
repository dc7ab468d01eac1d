package smos.kpialerts;

/** What an alert is about. */
public enum AlertCode {
    BEHIND_PACE, PIPELINE_GAP, MARGIN_EROSION, CHANNEL_OVERSTOCK, QUALITY, CUSTOMER_EXPERIENCE
}
