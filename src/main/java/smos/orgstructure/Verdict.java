package smos.orgstructure;

public enum Verdict {
    APPROVED, REJECTED
}
