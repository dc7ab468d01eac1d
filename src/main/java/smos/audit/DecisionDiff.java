package smos.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields in which two decisions differ, as the scenario files compare them: numbers as exact
 * decimals ({@code 169.99} equals {@code 169.990}), lists as sets (their order carries no meaning: a list
 * that differs is one difference at the list's path, with both lists), objects field by field.
 */
public final class DecisionDiff {
    private DecisionDiff() {
    }

    /** One field that differs: its JSON path, and its value in each decision (null when absent). */
    public record Difference(String field, JsonNode before, JsonNode after) {
    }

    public static List<Difference> between(JsonNode before, JsonNode after) {
        List<Difference> differences = new ArrayList<>();
        compare("", before, after, differences);
        return differences;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a == null || a.isMissingNode()) {
            a = null;
        }
        if (b == null || b.isMissingNode()) {
            b = null;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
            return;
        }
        if (!same(a, b)) {
            out.add(new Difference(path.isEmpty() ? "$" : path, a, b));
        }
    }

    /** Equal as the scenario matcher counts equal. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return (a == null || a.isNull()) && (b == null || b.isNull());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            List<JsonNode> unmatched = new ArrayList<>();
            b.forEach(unmatched::add);
            for (JsonNode element : a) {
                Iterator<JsonNode> candidates = unmatched.iterator();
                boolean found = false;
                while (candidates.hasNext()) {
                    if (same(element, candidates.next())) {
                        candidates.remove();
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = a.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!same(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

}
