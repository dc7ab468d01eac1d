package smos.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import smos.contract.RequestSchema;
import smos.request.FieldError;
import smos.request.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The try form of one domain, drawn from its request schema (the one the OpenAPI document gives, so the
 * form and the contract cannot drift apart) and read back into a JSON request. Each input is named by
 * the JSON path its value goes to; a list gets its items plus one blank item, left out when left blank,
 * so a person adds an item without JavaScript. Values are typed by the schema; what does not parse stays
 * text, so the request reader answers it exactly as it answers the same JSON sent to the API.
 */
final class TryForm {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RequestSchema schema;

    TryForm(RequestSchema schema) {
        this.schema = schema;
    }

    /** The fields of the request, filled in from {@code request}; each error beside the field it names. */
    List<FormField> fields(JsonNode request, Map<String, String> errors) {
        return properties(schema.root(), "", request, errors, false);
    }

    /** The request the posted fields make, by the JSON path each name holds. */
    JsonNode read(Map<String, List<String>> form) {
        return object(schema.root(), "", new Posted(form));
    }

    // --- drawing

    private List<FormField> properties(JsonNode object, String path, JsonNode value, Map<String, String> errors,
                                       boolean blankRow) {
        List<FormField> fields = new ArrayList<>();
        Set<String> required = required(object);
        object.path("properties").properties().forEach(p -> fields.add(field(p.getValue(), join(path, p.getKey()),
                label(p.getKey()), required.contains(p.getKey()), value == null ? null : value.get(p.getKey()), errors,
                blankRow)));
        return fields;
    }

    private FormField field(JsonNode declared, String path, String label, boolean listedRequired, JsonNode value,
                            Map<String, String> errors, boolean blankRow) {
        Shape shape = shape(declared);
        boolean required = listedRequired && !shape.nullable;
        String error = errors.get(path);
        String hint = text(declared.path("description"), text(shape.schema.path("description"), null));
        JsonNode present = value == null || value.isNull() ? null : value;
        return switch (shape.type) {
            case "object" -> shape.schema.has("properties")
                    ? group(label, path, required, hint, error,
                    properties(shape.schema, path, present, errors, blankRow))
                    : json(path, label, required, present, hint, error);
            case "array" -> list(shape.schema, path, label, required, present, hint, error, errors);
            case "boolean" -> required
                    ? input(FormField.Kind.CHECKBOX, path, label, true, present == null ? "" : present.asText(), hint, error)
                    : choice(path, label, false, List.of("true", "false"), present, hint, error, true);
            case "integer", "number" -> number(shape, path, label, required, present, hint, error);
            case "string" -> {
                if (shape.schema.has("enum")) {
                    List<String> options = new ArrayList<>();
                    shape.schema.get("enum").forEach(o -> options.add(o.asText()));
                    yield choice(path, label, required, options, present, hint, error, !required || blankRow);
                }
                String format = shape.schema.path("format").asText("");
                yield switch (format) {
                    case "date" -> input(FormField.Kind.DATE, path, label, required, scalar(present), hint, error);
                    case "date-time" -> input(FormField.Kind.DATE_TIME, path, label, required, scalar(present),
                            text(hint, "") + (hint == null ? "" : "; ") + "a date and time with its offset, "
                                    + "such as 2026-03-01T09:30:00Z", error);
                    default -> input(FormField.Kind.TEXT, path, label, required, scalar(present), hint, error);
                };
            }
            default -> json(path, label, required, present, hint, error);
        };
    }

    private FormField list(JsonNode array, String path, String label, boolean required, JsonNode value, String hint,
                           String error, Map<String, String> errors) {
        JsonNode items = array.path("items");
        Shape item = shape(items);
        boolean records = "object".equals(item.type) && item.schema.has("properties");
        int count = value != null && value.isArray() ? value.size() : 0;
        List<FormField> children = new ArrayList<>();
        for (int i = 0; i <= count; i++) { // the one past the last is the blank item a person may fill in
            boolean blank = i == count;
            String at = path + "[" + i + "]";
            String itemLabel = blank ? label + ": a new item (left out when left blank)" : label + " " + (i + 1);
            JsonNode itemValue = blank ? null : value.get(i);
            children.add(records
                    ? group(itemLabel, at, false, null, errors.get(at), properties(item.schema, at, itemValue, errors, blank))
                    : field(items, at, itemLabel, false, itemValue, errors, blank));
        }
        String limits = array.has("maxItems") ? "at most " + array.get("maxItems").asText() + " items" : null;
        if (array.has("minItems")) {
            limits = "at least " + array.get("minItems").asText() + " item" + (limits == null ? "" : ", " + limits);
        }
        String fullHint = hint == null ? limits : limits == null ? hint : hint + " (" + limits + ")";
        return new FormField(FormField.Kind.LIST, path, label, required, null, List.of(), null, null, null, fullHint,
                error, children);
    }

    private static FormField number(Shape shape, String path, String label, boolean required, JsonNode value,
                                    String hint, String error) {
        JsonNode s = shape.schema;
        boolean integer = "integer".equals(shape.type);
        String min = null;
        String max = null;
        List<String> limits = new ArrayList<>();
        if (s.has("minimum")) {
            min = plain(s.get("minimum"));
            limits.add("at least " + min);
        }
        if (s.has("exclusiveMinimum")) {
            BigDecimal above = s.get("exclusiveMinimum").decimalValue();
            // an input's min is inclusive: for whole numbers the next one is the least allowed
            min = integer ? above.add(BigDecimal.ONE).toPlainString() : above.toPlainString();
            limits.add("more than " + above.toPlainString());
        }
        if (s.has("maximum")) {
            max = plain(s.get("maximum"));
            limits.add("at most " + max);
        }
        if (s.has("exclusiveMaximum")) {
            BigDecimal below = s.get("exclusiveMaximum").decimalValue();
            max = integer ? below.subtract(BigDecimal.ONE).toPlainString() : below.toPlainString();
            limits.add("less than " + below.toPlainString());
        }
        String said = limits.isEmpty() ? null : (integer ? "a whole number, " : "") + String.join(", ", limits);
        String fullHint = hint == null ? said : said == null ? hint : hint + " (" + said + ")";
        return new FormField(FormField.Kind.NUMBER, path, label, required, scalar(value), List.of(), min, max,
                integer ? "1" : "any", fullHint, error, List.of());
    }

    private static FormField choice(String path, String label, boolean required, List<String> options, JsonNode value,
                                    String hint, String error, boolean blankOption) {
        List<String> all = new ArrayList<>();
        if (blankOption) {
            all.add("");
        }
        all.addAll(options);
        String chosen = scalar(value);
        if (!chosen.isEmpty() && !all.contains(chosen)) {
            all.add(chosen); // a value the contract does not know stays visible, and its error beside it
        }
        return new FormField(FormField.Kind.CHOICE, path, label, required, chosen, all, null, null, null, hint, error,
                List.of());
    }

    private static FormField input(FormField.Kind kind, String path, String label, boolean required, String value,
                                   String hint, String error) {
        return new FormField(kind, path, label, required, value, List.of(), null, null, null, hint, error, List.of());
    }

    private static FormField group(String label, String path, boolean required, String hint, String error,
                                   List<FormField> children) {
        return new FormField(FormField.Kind.GROUP, path, label, required, null, List.of(), null, null, null, hint,
                error, children);
    }

    /** A part no input fits (a map, any JSON): its JSON in a text box. */
    private static FormField json(String path, String label, boolean required, JsonNode value, String hint,
                                  String error) {
        String text;
        try {
            text = value == null ? "" : Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always written", e);
        }
        return input(FormField.Kind.JSON, path, label, required, text, text(hint, "") + (hint == null ? "" : "; ")
                + "as JSON", error);
    }

    // --- reading

    private JsonNode value(JsonNode declared, String path, Posted form, boolean listedRequired) {
        Shape shape = shape(declared);
        boolean required = listedRequired && !shape.nullable;
        return switch (shape.type) {
            case "object" -> shape.schema.has("properties")
                    ? (required || !form.blank(path) ? object(shape.schema, path, form) : null)
                    : parsed(form.value(path));
            case "array" -> array(shape.schema, path, form, required);
            case "boolean" -> required ? NODES.booleanNode("true".equals(form.value(path))) : bool(form.value(path));
            case "integer", "number" -> number(form.value(path));
            case "string" -> form.value(path).isBlank() ? null : NODES.textNode(form.value(path));
            default -> parsed(form.value(path));
        };
    }

    private ObjectNode object(JsonNode object, String path, Posted form) {
        ObjectNode node = NODES.objectNode();
        Set<String> listed = required(object);
        object.path("properties").properties().forEach(p -> {
            JsonNode value = value(p.getValue(), join(path, p.getKey()), form, listed.contains(p.getKey()));
            if (value != null) {
                node.set(p.getKey(), value);
            }
        });
        return node;
    }

    private JsonNode array(JsonNode array, String path, Posted form, boolean required) {
        ArrayNode items = NODES.arrayNode();
        for (int i : form.indices(path)) {
            String at = path + "[" + i + "]";
            if (!form.blank(at)) {
                JsonNode item = value(array.path("items"), at, form, true);
                items.add(item == null ? NODES.nullNode() : item);
            }
        }
        return items.isEmpty() && !required ? null : items;
    }

    private static JsonNode number(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return NODES.numberNode(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return NODES.textNode(text); // the reader says it is not a number, at this field
        }
    }

    private static JsonNode bool(String text) {
        return switch (text) {
            case "" -> null;
            case "true", "false" -> NODES.booleanNode(Boolean.parseBoolean(text));
            default -> NODES.textNode(text);
        };
    }

    private static JsonNode parsed(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return NODES.textNode(text); // not JSON: the reader names the field and what it expected
        }
    }

    /** The posted fields by name; a name not posted reads as blank (an unticked box is never posted). */
    private record Posted(Map<String, List<String>> form) {
        String value(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
        }

        /** Whether nothing under this path was filled in: a blank list item is left out. */
        boolean blank(String path) {
            return form.entrySet().stream()
                    .filter(e -> e.getKey().equals(path) || e.getKey().startsWith(path + ".")
                            || e.getKey().startsWith(path + "["))
                    .allMatch(e -> e.getValue().stream().allMatch(v -> v == null || v.isBlank()));
        }

        /** The item numbers posted under a list, in order. */
        Set<Integer> indices(String path) {
            Set<Integer> found = new TreeSet<>();
            String prefix = path + "[";
            for (String name : form.keySet()) {
                if (name.startsWith(prefix)) {
                    int end = name.indexOf(']', prefix.length());
                    String digits = end < 0 ? "" : name.substring(prefix.length(), end);
                    if (!digits.isEmpty() && digits.length() < 6 && digits.chars().allMatch(Character::isDigit)) {
                        found.add(Integer.parseInt(digits));
                    }
                }
            }
            return found;
        }
    }

    // --- the schema

    /** A schema with its reference followed, its type (the one that is not null) and whether null is allowed. */
    private record Shape(JsonNode schema, String type, boolean nullable) {
    }

    private Shape shape(JsonNode declared) {
        JsonNode s = schema.resolve(declared);
        boolean nullable = false;
        if (s.has("anyOf")) {
            JsonNode other = null;
            for (JsonNode option : s.get("anyOf")) {
                if ("null".equals(option.path("type").asText())) {
                    nullable = true;
                } else {
                    other = option;
                }
            }
            if (other == null) {
                return new Shape(s, "any", true);
            }
            Shape inner = shape(other);
            return new Shape(inner.schema, inner.type, nullable || inner.nullable);
        }
        JsonNode type = s.path("type");
        String found = null;
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("null".equals(t.asText())) {
                    nullable = true;
                } else {
                    found = t.asText();
                }
            }
        } else if (type.isTextual()) {
            found = type.asText();
        }
        if (found == null && s.has("enum")) {
            found = "string";
        }
        return new Shape(s, found == null ? "any" : found, nullable);
    }

    private static Set<String> required(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** {@code purchasePrice} -> {@code Purchase price}; {@code returnRate30d} -> {@code Return rate 30d}. */
    static String label(String name) {
        String spaced = name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").replaceAll("(?<=[a-zA-Z])(?=\\d)", " ")
                .toLowerCase(java.util.Locale.ROOT);
        return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.isValueNode() ? value.asText()
                : value.toString();
    }

    private static String plain(JsonNode number) {
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String text(JsonNode node, String otherwise) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : otherwise;
    }

    private static String text(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
