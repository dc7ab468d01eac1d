package smos.publish;

import smos.engine.RuleProblem;

import java.time.Instant;
import java.util.List;

/** What a successful publish or rollback brought live, with the spreadsheet warnings it still has. */
public record PublishResult(String domain, String version, String previousVersion, String action, String publishedBy,
                            Instant at, boolean codeChanged, List<String> codeChanges,
                            List<HistoryEntry.HistoryFile> files, List<RuleProblem> warnings) {
}
