package smos.retention;

/** A sign that a customer may leave. */
public enum RiskSignal {
    NPS_DETRACTOR, ORDER_DECLINE, SUPPORT_BURDEN, COMPETITOR_MENTION, RENEWAL_DUE
}
