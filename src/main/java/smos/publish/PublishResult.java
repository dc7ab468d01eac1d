package smos.publish;

import java.time.Instant;
import java.util.List;

/** What a successful publish or rollback brought live. */
public record PublishResult(String domain, String version, String previousVersion, String action, String publishedBy,
                            Instant at, boolean codeChanged, List<String> codeChanges,
                            List<HistoryEntry.HistoryFile> files) {
}
