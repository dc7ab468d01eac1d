package smos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Partial matching of a decision against a scenario's expectation: objects match the fields named,
 * lists match when they have the same length and each expected element matches a different actual
 * element (order free), numbers compare as exact decimals and dates as dates.
 */
public final class ExpectationMatcher {

    /** A difference at a field path. */
    public record Mismatch(String field, String expected, String actual) {
    }

    private ExpectationMatcher() {
    }

    public static List<Mismatch> compare(JsonNode expected, JsonNode actual) {
        List<Mismatch> out = new ArrayList<>();
        compare(expected, actual, "", out);
        return out;
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, List<Mismatch> out) {
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                out.add(new Mismatch(label(path), show(expected), show(actual)));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (!actual.has(field.getKey())) {
                    out.add(new Mismatch(child, show(field.getValue()), "(no such field in the decision)"));
                } else {
                    compare(field.getValue(), actual.get(field.getKey()), child, out);
                }
            }
        } else if (expected.isArray()) {
            compareList(expected, actual, path, out);
        } else if (!scalarEquals(expected, actual)) {
            out.add(new Mismatch(label(path), show(expected), show(actual)));
        }
    }

    private static void compareList(JsonNode expected, JsonNode actual, String path, List<Mismatch> out) {
        if (actual == null || !actual.isArray()) {
            out.add(new Mismatch(label(path), show(expected), show(actual)));
            return;
        }
        if (expected.size() != actual.size()) {
            out.add(new Mismatch(label(path), expected.size() + " items " + show(expected),
                    actual.size() + " items " + show(actual)));
            return;
        }
        int n = expected.size();
        boolean[][] fits = new boolean[n][n];
        for (int e = 0; e < n; e++) {
            for (int a = 0; a < n; a++) {
                fits[e][a] = matches(expected.get(e), actual.get(a));
            }
        }
        int[] assigned = new int[n];
        java.util.Arrays.fill(assigned, -1);
        for (int e = 0; e < n; e++) {
            if (!augment(e, fits, assigned, new boolean[n])) {
                out.add(new Mismatch(label(path) + "[" + e + "]", show(expected.get(e)),
                        "no matching element among " + show(actual)));
            }
        }
    }

    /** Kuhn's augmenting path: finds a distinct actual element for expected element {@code e}. */
    private static boolean augment(int e, boolean[][] fits, int[] assigned, boolean[] seen) {
        for (int a = 0; a < fits.length; a++) {
            if (fits[e][a] && !seen[a]) {
                seen[a] = true;
                if (assigned[a] < 0 || augment(assigned[a], fits, assigned, seen)) {
                    assigned[a] = e;
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(JsonNode expected, JsonNode actual) {
        List<Mismatch> probe = new ArrayList<>();
        compare(expected, actual, "", probe);
        return probe.isEmpty();
    }

    static boolean scalarEquals(JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual.isNull();
        }
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (expected.isNumber()) {
            return actual.isNumber() && decimal(expected).compareTo(decimal(actual)) == 0;
        }
        if (expected.isBoolean()) {
            return actual.isBoolean() && expected.booleanValue() == actual.booleanValue();
        }
        if (expected.isTextual() && actual.isTextual()) {
            return expected.textValue().equals(actual.textValue()) || sameTime(expected.textValue(), actual.textValue());
        }
        return false;
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.isBigDecimal() ? n.decimalValue() : new BigDecimal(n.asText());
    }

    private static boolean sameTime(String a, String b) {
        try {
            return LocalDate.parse(a).equals(LocalDate.parse(b));
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(a).isEqual(OffsetDateTime.parse(b));
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    private static String label(String path) {
        return path.isEmpty() ? "(decision)" : path;
    }

    static String show(JsonNode node) {
        return node == null ? "(absent)" : node.toString();
    }
}
