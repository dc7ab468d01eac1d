package smos.console;

import smos.diff.CellChange;

import java.util.List;

/**
 * The history page of a domain: its versions, newest first, with who, when, how, the message and the
 * changes; and, when two versions are picked, the cells that differ between them.
 */
public record HistoryView(String domain, String base, List<Version> versions, String from, String to,
                          List<CellChange> cells, List<String> otherChanges, String message, String error) {

    /** One entry of the history; {@code serving} marks the version serving now (nothing to roll back to). */
    public record Version(String version, String shortVersion, String at, String action, String who, String message,
                          List<String> changes, boolean serving, boolean intact) {
    }
}
