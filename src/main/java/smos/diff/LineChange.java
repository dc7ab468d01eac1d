package smos.diff;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A line of a DRL file that differs: its number ({@code line}, in the newer file; in the older one for a
 * removed line) and its text before and after (absent for an added or a removed line).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineChange(String file, int line, String before, String after, Change change) {

    /** {@code rules/quota/quota-allocation.drl:42 "old" -> "new"}. */
    public String summary() {
        return file + ":" + line + " " + quoted(before) + " -> " + quoted(after);
    }

    private static String quoted(String text) {
        return text == null ? "(no line)" : "\"" + text.strip() + "\"";
    }
}
