package smos.diff;

/** What happened to a file, a row, a cell, a line or a scenario between two versions. */
public enum Change {
    ADDED, REMOVED, CHANGED;

    String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
