package smos.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import smos.request.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request and decision fields of a domain as tables in its page ({@code docs/domains/<domain>.md}),
 * generated from the OpenAPI document between two marker comments, so that the page says what the
 * schema says: JSON path, type, required or optional, allowed values and ranges. The rest of the page
 * is the domain owner's prose and is left alone.
 */
public final class DomainPages {
    public static final String BEGIN = "<!-- contract:begin (generated from the OpenAPI document by "
            + "./smos openapi --domain-docs docs/domains; edits here are overwritten) -->";
    public static final String END = "<!-- contract:end -->";

    private final JsonNode schemas;

    public DomainPages(String document) {
        try {
            this.schemas = Json.mapper().readTree(document).path("components").path("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page with its contract section replaced (or appended when it has none). */
    public String update(String page, String domainId) {
        String section = BEGIN + "\n" + section(domainId) + END;
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin >= 0 && end > begin) {
            return page.substring(0, begin) + section + page.substring(end + END.length());
        }
        return page + (page.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
    }

    /** Writes the page's contract section; true when the file changed. */
    public boolean write(Path page, String domainId) throws IOException {
        String before = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8)
                : "# " + domainId + "\n";
        String after = update(before, domainId);
        if (after.equals(before)) {
            return false;
        }
        Files.writeString(page, after, StandardCharsets.UTF_8);
        return true;
    }

    /** The generated Markdown of one domain: the request's fields, then the decision's. */
    public String section(String domainId) {
        String request = SchemaNames.request(domainId);
        String decision = SchemaNames.decision(domainId);
        StringBuilder md = new StringBuilder();
        md.append("## Contract\n\n");
        md.append("The fields of `POST /api/v1/decisions/").append(domainId).append("`, from the schemas `")
                .append(request).append("` and `").append(decision).append("` of the OpenAPI document ")
                .append("([docs/openapi.json](../openapi.json), served at `/openapi.json`; browse it at `/docs`). ")
                .append("A field past its bounds, of the wrong type, unknown or missing when required is a 400 ")
                .append("naming it.\n\n");
        md.append("### Request\n\n| field | type | required | allowed |\n|---|---|---|---|\n");
        rows(md, schemas.path(request), "", true, new HashSet<>());
        md.append("\n### Decision\n\nEvery field is always written; `null` where the type says so.\n\n");
        md.append("| field | type | null | values |\n|---|---|---|---|\n");
        rows(md, schemas.path(decision), "", false, new HashSet<>());
        md.append("\n");
        return md.toString();
    }

    private void rows(StringBuilder md, JsonNode schema, String path, boolean request, Set<String> seen) {
        JsonNode object = resolve(schema);
        Set<String> required = new HashSet<>();
        object.path("required").forEach(name -> required.add(name.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = object.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String field = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            JsonNode value = property.getValue();
            Shape shape = shape(value);
            String presence = request ? (required.contains(property.getKey()) ? "required" : "optional")
                    : (shape.nullable ? "may be null" : "never null");
            md.append("| `").append(field).append(shape.array ? "[]" : "").append("` | ").append(shape.type)
                    .append(" | ").append(presence).append(" | ").append(String.join("; ", shape.allowed))
                    .append(" |\n");
            if (shape.object != null && seen.add(shape.object + "@" + field)) {
                rows(md, ref(shape.object), field + (shape.array ? "[]" : ""), request, seen);
            }
        }
    }

    /** What a property is, in words: its type, whether it may be null, its bounds, and the record it holds. */
    private Shape shape(JsonNode property) {
        Shape shape = new Shape();
        JsonNode node = property;
        if (node.has("anyOf")) {
            for (JsonNode option : node.get("anyOf")) {
                if ("null".equals(option.path("type").asText())) {
                    shape.nullable = true;
                } else {
                    node = option;
                }
            }
        }
        if (isArray(node)) {
            shape.array = true;
            if (node.has("minItems")) {
                shape.allowed.add("at least " + node.get("minItems").asInt() + " item(s)");
            }
            if (node.has("maxItems")) {
                shape.allowed.add("at most " + node.get("maxItems").asInt() + " items");
            }
            shape.nullable |= allowsNull(node);
            node = node.path("items");
        }
        if (node.has("$ref")) {
            String name = node.get("$ref").asText().substring(SchemaNames.COMPONENTS.length());
            JsonNode target = ref(name);
            if (target.has("enum")) {
                describeScalar(shape, target);
                shape.nullable |= allowsNull(property) || allowsNull(target);
                return shape;
            }
            shape.object = name;
            shape.type = (shape.array ? "list of " : "") + "object (`" + name + "`)";
            return shape;
        }
        shape.nullable |= allowsNull(node);
        describeScalar(shape, node);
        return shape;
    }

    private static void describeScalar(Shape shape, JsonNode node) {
        String type = scalarType(node);
        String format = node.path("format").asText("");
        String words = switch (format) {
            case "date" -> "date (yyyy-MM-dd)";
            case "date-time" -> "instant (ISO-8601 with offset)";
            default -> switch (type) {
                case "number" -> "decimal number";
                case "integer" -> "whole number";
                case "boolean" -> "true or false";
                case "string" -> node.has("enum") ? "one of" : "text";
                default -> type.isEmpty() ? "any JSON" : type;
            };
        };
        shape.type = (shape.array ? "list of " : "") + words;
        if (node.has("enum")) {
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add("`" + v.asText() + "`");
                }
            });
            shape.allowed.add(String.join(", ", values));
        }
        if (node.has("minimum")) {
            shape.allowed.add(">= " + node.get("minimum").asText());
        }
        if (node.has("exclusiveMinimum")) {
            shape.allowed.add("> " + node.get("exclusiveMinimum").asText());
        }
        if (node.has("maximum")) {
            shape.allowed.add("<= " + node.get("maximum").asText());
        }
        if (node.has("exclusiveMaximum")) {
            shape.allowed.add("< " + node.get("exclusiveMaximum").asText());
        }
        String pattern = node.path("pattern").asText("");
        if (pattern.equals(ContractConstraints.NOT_BLANK)) {
            shape.allowed.add("not blank");
        } else if (!pattern.isEmpty()) {
            shape.allowed.add("matches `" + pattern.replace("|", "\\|") + "`");
        }
        if (node.has("description")) {
            shape.allowed.add(node.get("description").asText().replace("|", "\\|"));
        }
    }

    private static String scalarType(JsonNode node) {
        JsonNode type = node.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }

    private static boolean isArray(JsonNode node) {
        return scalarType(node).equals("array");
    }

    private static boolean allowsNull(JsonNode node) {
        JsonNode type = node.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode ref(String name) {
        return schemas.path(name);
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return ref(schema.get("$ref").asText().substring(SchemaNames.COMPONENTS.length()));
        }
        return schema instanceof ObjectNode ? schema : Json.mapper().createObjectNode();
    }

    private static final class Shape {
        String type = "";
        boolean nullable;
        boolean array;
        String object;
        final List<String> allowed = new ArrayList<>();
    }
}
