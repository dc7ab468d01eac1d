package smos.common;

public enum CustomerSegment {
    CONSUMER, SMB, ENTERPRISE, CHANNEL_PARTNER
}
