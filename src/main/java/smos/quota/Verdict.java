package smos.quota;

public enum Verdict {
    APPROVED, REJECTED
}
