package smos.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario file whose YAML does not parse as a whole, one scenario at a time, so that a
 * typo in one scenario is reported at its line and the others still run. The items of the
 * {@code scenarios:} list are found by their indentation (each starts with {@code -} at the
 * indentation of the first); each is parsed on its own, padded with blank lines so that the
 * parser's line numbers are the file's. A file that cannot be split this way is refused as a whole.
 */
final class ScenarioItems {
    private static final Pattern LIST_KEY = Pattern.compile("scenarios:\\s*(#.*)?");
    private static final Pattern NAME = Pattern.compile("^\\s*-?\\s*name:\\s*(.+?)\\s*$");

    private ScenarioItems() {
    }

    static ScenarioFile readApart(String text, String file, JsonProcessingException whole) {
        String[] lines = text.split("\r?\n", -1);
        int key = -1;
        for (int i = 0; i < lines.length && key < 0; i++) {
            key = LIST_KEY.matcher(lines[i]).matches() ? i : -1;
        }
        int first = key < 0 ? -1 : nextContent(lines, key + 1);
        if (first < 0 || !lines[first].strip().startsWith("-")) {
            throw notYaml(file, whole);
        }
        int indent = indentOf(lines[first]);
        List<Integer> starts = new ArrayList<>();
        int end = lines.length;
        for (int i = first; i < lines.length; i++) {
            if (isBlankOrComment(lines[i])) {
                continue;
            }
            int at = indentOf(lines[i]);
            boolean item = at == indent && lines[i].startsWith("-", at);
            if (at < indent || (at == indent && !item)) {
                end = i;
                break;
            }
            if (item) {
                starts.add(i);
            }
        }
        // the rest of the file, with the list left empty, holds the domain
        StringBuilder outside = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            outside.append(i == key ? "scenarios: []" : i > key && i < end ? "" : lines[i]).append('\n');
        }
        JsonNode root;
        try {
            root = ScenarioLoader.YAML.readTree(outside.toString());
        } catch (JsonProcessingException e) {
            throw notYaml(file, e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw notYaml(file, whole);
        }
        ArrayNode items = object.putArray("scenarios");
        Map<Integer, UnreadableScenario> broken = new HashMap<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : end;
            StringBuilder item = new StringBuilder("\n".repeat(from));
            for (int i = from; i < to; i++) {
                item.append(lines[i]).append('\n');
            }
            try {
                JsonNode parsed = ScenarioLoader.YAML.readTree(item.toString());
                items.add(parsed != null && parsed.isArray() && parsed.size() == 1 ? parsed.get(0) : NullNode.getInstance());
            } catch (JsonProcessingException e) {
                items.add(NullNode.getInstance());
                Matcher name = NAME.matcher(lines[from]);
                broken.put(k, new UnreadableScenario(name.matches() ? name.group(1) : "scenario " + (k + 1), from + 1,
                        "not valid YAML: " + e.getOriginalMessage() + where(e)));
            }
        }
        return ScenarioLoader.fromTree(object, file, k -> k < starts.size() ? starts.get(k) + 1 : 0, broken);
    }

    private static ScenarioFileException notYaml(String file, JsonProcessingException e) {
        return new ScenarioFileException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                "not valid YAML: " + e.getOriginalMessage() + where(e));
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static int nextContent(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!isBlankOrComment(lines[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlankOrComment(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
