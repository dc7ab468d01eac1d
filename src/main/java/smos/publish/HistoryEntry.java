package smos.publish;

import java.time.Instant;
import java.util.List;

/**
 * A version of a domain that went live: when, how (start-up, file change, publish, rollback), who
 * brought it, the version it replaced, which Drools code rows or DRL files changed, and every file with
 * its size and SHA-256 (tables, DRL and the scenarios that vouched for it).
 */
public record HistoryEntry(String version, Instant at, String action, String publishedBy, String message,
                           String previousVersion, boolean codeChanged, List<String> codeChanges,
                           List<HistoryFile> files) {

    public record HistoryFile(String path, long size, String sha256) {
    }
}
