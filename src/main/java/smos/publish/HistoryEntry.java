package smos.publish;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A version of a domain that went live: when, how (start-up, file change, publish, rollback), who
 * brought it, the version it replaced, which Drools code rows or DRL files changed, and every file with
 * its size and SHA-256 (tables, DRL and the scenarios that vouched for it).
 *
 * <p>{@code entry} names where the entry is stored (for reports); {@code damaged} says why an entry
 * cannot be used (its record or one of its files is damaged), and is absent for an intact one.
 * {@code formerVersion} is the id an entry had before versions covered the scenario files: a rollback
 * to that id still finds it.
 *
 * <p>{@code changes} lists what changed against the version it replaced, one line each ({@code
 * Approval!E19 10 -> 12}). It is never stored: {@link RecordedChanges} works it out when the history is
 * read (why, there).
 */
public record HistoryEntry(String version, Instant at, String action, String publishedBy, String message,
                           String previousVersion, boolean codeChanged, List<String> codeChanges,
                           List<HistoryFile> files,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String formerVersion,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String entry,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String damaged,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<String> changes) {

    /** An entry as recorded, before its changes are worked out. */
    public HistoryEntry(String version, Instant at, String action, String publishedBy, String message,
                        String previousVersion, boolean codeChanged, List<String> codeChanges, List<HistoryFile> files,
                        String formerVersion, String entry, String damaged) {
        this(version, at, action, publishedBy, message, previousVersion, codeChanged, codeChanges, files, formerVersion,
                entry, damaged, null);
    }

    public record HistoryFile(String path, long size, String sha256) {
    }

    /** An entry whose record cannot be read: only where it is and why. */
    static HistoryEntry unreadable(String entry, String version, String reason) {
        return new HistoryEntry(version, null, null, null, null, null, false, List.of(), List.of(), null, entry, reason);
    }

    public boolean intact() {
        return damaged == null;
    }

    /** Whether a rollback to {@code id} means this entry: its version, or the id it had before. */
    public boolean answersTo(String id) {
        return id != null && (id.equals(version) || id.equals(formerVersion));
    }

    HistoryEntry stored(String where) {
        return new HistoryEntry(version, at, action, publishedBy, message, previousVersion, codeChanged, codeChanges,
                files, formerVersion, where, damaged, changes);
    }

    HistoryEntry withDamage(String reason) {
        return new HistoryEntry(version, at, action, publishedBy, message, previousVersion, codeChanged, codeChanges,
                files, formerVersion, entry, reason, changes);
    }

    HistoryEntry withVersion(String recomputed, String former) {
        return new HistoryEntry(recomputed, at, action, publishedBy, message, previousVersion, codeChanged, codeChanges,
                files, former, entry, damaged, changes);
    }

    /** This entry listing what changed against the version it replaced. */
    public HistoryEntry withChanges(List<String> listed) {
        return new HistoryEntry(version, at, action, publishedBy, message, previousVersion, codeChanged, codeChanges,
                files, formerVersion, entry, damaged, List.copyOf(listed));
    }

    /** The entry's files, path to SHA-256. */
    Map<String, String> hashes() {
        Map<String, String> hashes = new TreeMap<>();
        if (files != null) {
            files.forEach(f -> hashes.put(f.path(), f.sha256()));
        }
        return hashes;
    }
}
