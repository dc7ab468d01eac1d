package smos.service;

import com.fasterxml.jackson.databind.JsonNode;
import smos.contract.SchemaNames;

/**
 * A domain in the catalogue: what it decides, the version it serves, a request to try, and where its
 * request, decision and response schemas are in the OpenAPI document.
 */
public record DomainInfo(String id, String description, String version, String status, String decisionPath,
                         JsonNode exampleRequest, SchemaLinks schemas) {

    /** Links into {@code /openapi.json}, such as {@code /openapi.json#/components/schemas/ReturnsRequest}. */
    public record SchemaLinks(String request, String decision, String response) {
        public static SchemaLinks of(String domainId) {
            return new SchemaLinks(SchemaNames.link(SchemaNames.request(domainId)),
                    SchemaNames.link(SchemaNames.decision(domainId)), SchemaNames.link(SchemaNames.response(domainId)));
        }
    }
}
