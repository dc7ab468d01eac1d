package smos.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the line each rule of a DRL file starts on, ignoring rules written inside comments. */
final class DrlRuleLines {
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private DrlRuleLines() {
    }

    static Map<String, Integer> of(String drl) {
        String code = blankComments(drl);
        Map<String, Integer> lines = new LinkedHashMap<>();
        Matcher m = RULE.matcher(code);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            lines.put(name, lineOf(code, m.start()));
        }
        return lines;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Replaces comments by spaces, keeping line breaks, so offsets and lines stay true. */
    private static String blankComments(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        boolean inString = false;
        while (i < drl.length()) {
            char c = drl.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < drl.length()) {
                    out.append(drl.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                i++;
            } else if (c == '"') {
                inString = true;
                out.append(c);
                i++;
            } else if (drl.startsWith("//", i)) {
                while (i < drl.length() && drl.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (drl.startsWith("/*", i)) {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? drl.length() : end + 2;
                for (; i < end; i++) {
                    out.append(drl.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
