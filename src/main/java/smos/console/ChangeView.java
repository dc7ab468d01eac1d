package smos.console;

import java.util.List;

/**
 * The change page of a domain: the upload form, and for a draft the gate's verdict on it (published
 * nowhere): its problems on their cells and listed, its warnings, its failing scenarios.
 */
public record ChangeView(String domain, String base, DraftInfo draft, boolean tried, boolean passed,
                         List<WorkbookView> workbooks, List<Line> problems, List<Line> warnings,
                         List<Failed> failures, String error) {

    static ChangeView empty(String domain, String base) {
        return new ChangeView(domain, base, null, false, false, List.of(), List.of(), List.of(), List.of(), null);
    }

    /**
     * A draft as a page shows it: where it is, the version it was made on and the one serving now (they
     * differ when someone published since: its publish would get the 409), who made it, when, its files.
     */
    public record DraftInfo(String id, String path, String base, String active, String author, String created,
                            String age, List<String> files) {
        public boolean stale() {
            return !base.equals(active);
        }

        public String shortBase() {
            return shortVersion(base);
        }

        public String shortActive() {
            return shortVersion(active);
        }

        private static String shortVersion(String version) {
            return version.substring(0, Math.min(12, version.length()));
        }
    }

    /** A problem or warning: where ({@code sheet!cell}, file and line, or the file) and the message. */
    public record Line(String where, String message) {
    }

    /** A scenario the candidate fails: file, scenario, field, expected, actual. */
    public record Failed(String file, String scenario, String field, String expected, String actual) {
    }
}
