package smos.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import smos.request.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of an OpenAPI document, checked by an independent JSON Schema 2020-12 validator
 * (networknt), not by the code that generated them: which fields of a JSON value a schema refuses,
 * named as the service names them ({@code claim.purchasePrice}, {@code deals[2].revenue}).
 */
public final class ContractSchemas {
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    public ContractSchemas(String document) {
        try {
            this.document = Json.mapper().readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String schemaName) {
        return document.path("components").path("schemas").has(schemaName);
    }

    /** The validator's messages for the value against {@code #/components/schemas/<name>}; empty when it is valid. */
    public List<Error> errors(String schemaName, JsonNode value) {
        return schema(schemaName).validate(value);
    }

    /** The fields the schema refuses, as JSON paths ({@code $} for the value itself). */
    public TreeSet<String> refusedFields(String schemaName, JsonNode value) {
        TreeSet<String> fields = new TreeSet<>();
        for (Error error : errors(schemaName, value)) {
            fields.add(field(error));
        }
        return fields;
    }

    /** An error's field: where it is, and for a missing or unknown property, the property's name. */
    public static String field(Error error) {
        String at = path(error.getInstanceLocation());
        String property = error.getProperty();
        boolean aboutProperty = property != null && !property.isEmpty()
                && ("required".equals(keyword(error)) || "additionalProperties".equals(keyword(error)));
        if (aboutProperty) {
            return at.equals("$") ? property : at + "." + property;
        }
        return at;
    }

    private static String keyword(Error error) {
        String evaluation = error.getEvaluationPath() == null ? "" : error.getEvaluationPath().toString();
        int slash = evaluation.lastIndexOf('/');
        int dot = evaluation.lastIndexOf('.');
        return evaluation.substring(Math.max(slash, dot) + 1);
    }

    static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(element);
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    private Schema schema(String name) {
        return compiled.computeIfAbsent(name, n -> {
            if (!has(n)) {
                throw new AssertionError("the document has no schema " + n);
            }
            // the document's components are the schema resource, so that its references resolve; it starts at the named one
            ObjectNode root = Json.mapper().createObjectNode();
            root.set("components", document.get("components").deepCopy());
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#/components/schemas/" + n);
            return registry.getSchema(root);
        });
    }
}
