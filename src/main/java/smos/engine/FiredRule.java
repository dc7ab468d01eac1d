package smos.engine;

/**
 * One rule that fired: its name, its source file relative to the repository root, and where in it
 * ({@code Outcome!B15} for a table row, {@code line 12} for DRL).
 */
public record FiredRule(String rule, String source, String location) {
}
