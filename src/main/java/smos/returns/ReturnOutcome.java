package smos.returns;

public enum ReturnOutcome {
    REFUND, REPLACE, ADVANCE_REPLACEMENT, REDIRECT_TO_SELLER, DENY
}
