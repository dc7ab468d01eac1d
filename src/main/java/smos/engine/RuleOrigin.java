package smos.engine;

/** Where a compiled rule was written: file relative to the repository root, and sheet cell or DRL line. */
public record RuleOrigin(String source, String location) {
}
