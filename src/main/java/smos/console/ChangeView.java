package smos.console;

import java.util.List;

/**
 * The change page of a domain: the upload form, and after an upload the gate's verdict on the candidate
 * (published nowhere): its problems on their cells and listed, its warnings, its failing scenarios.
 * {@code files} carries the candidate into the publish form (see {@link ChangePages} for why there).
 */
public record ChangeView(String domain, String base, List<Upload> files, boolean tried, boolean passed,
                         List<WorkbookView> workbooks, List<Line> problems, List<Line> warnings,
                         List<Failed> failures, String error) {

    static ChangeView empty(String domain, String base) {
        return new ChangeView(domain, base, List.of(), false, false, List.of(), List.of(), List.of(), List.of(), null);
    }

    /** An uploaded file: its name and its bytes as base64, to send again with the publish form. */
    public record Upload(String name, String base64) {
    }

    /** A problem or warning: where ({@code sheet!cell}, file and line, or the file) and the message. */
    public record Line(String where, String message) {
    }

    /** A scenario the candidate fails: file, scenario, field, expected, actual. */
    public record Failed(String file, String scenario, String field, String expected, String actual) {
    }
}
