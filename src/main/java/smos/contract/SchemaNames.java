package smos.contract;

import java.util.Locale;

/**
 * The names a domain's schemas and operations have in the OpenAPI document, derived from the domain id
 * alone so that a new domain gets them without being listed anywhere: {@code returns} ->
 * {@code ReturnsRequest}, {@code ReturnsDecision}, {@code ReturnsResponse}, operation {@code decideReturns}.
 */
public final class SchemaNames {
    /** Where the document is served; a schema's link is this plus its JSON pointer. */
    public static final String DOCUMENT_PATH = "/openapi.json";
    static final String COMPONENTS = "#/components/schemas/";

    private SchemaNames() {
    }

    /** {@code org-structure} -> {@code OrgStructure}. */
    public static String pascal(String domainId) {
        StringBuilder name = new StringBuilder();
        for (String part : domainId.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.toString();
    }

    public static String request(String domainId) {
        return pascal(domainId) + "Request";
    }

    public static String decision(String domainId) {
        return pascal(domainId) + "Decision";
    }

    /** The envelope of one decision: domain, rulesetVersion, decision, trace, durationMicros. */
    public static String response(String domainId) {
        return pascal(domainId) + "Response";
    }

    /** One item of a batch answer: index and decision, or index and error. */
    public static String batchItem(String domainId) {
        return pascal(domainId) + "BatchItem";
    }

    public static String operation(String domainId) {
        return "decide" + pascal(domainId);
    }

    public static String batchOperation(String domainId) {
        return "decide" + pascal(domainId) + "Batch";
    }

    /** {@code /openapi.json#/components/schemas/ReturnsRequest}: a link a person or a tool can follow. */
    public static String link(String schemaName) {
        return DOCUMENT_PATH + COMPONENTS + schemaName;
    }

    static String ref(String schemaName) {
        return COMPONENTS + schemaName;
    }
}
