package smos.retention;

public enum RiskLevel {
    HIGH, MEDIUM, LOW
}
