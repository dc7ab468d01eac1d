package smos.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A domain's request schema as the OpenAPI document gives it: the name of its definition and the
 * definitions it refers to ({@code $ref}s point at {@code #/components/schemas/...}), so a reader can
 * follow every reference without the rest of the document.
 */
public record RequestSchema(String name, ObjectNode definitions) {

    /** The request's own definition. */
    public JsonNode root() {
        return definitions.get(name);
    }

    /** The definition a {@code $ref} names, or the schema itself when it is no reference. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null || !ref.isTextual() || !ref.asText().startsWith(SchemaNames.COMPONENTS)) {
            return schema;
        }
        JsonNode target = definitions.get(ref.asText().substring(SchemaNames.COMPONENTS.length()));
        if (target == null) {
            throw new IllegalStateException("the schema refers to a missing definition: " + ref.asText());
        }
        return resolve(target);
    }
}
