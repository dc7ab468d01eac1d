package smos.service;

import com.fasterxml.jackson.databind.JsonNode;

/** A domain in the catalogue: what it decides, the version it serves, and a request to try. */
public record DomainInfo(String id, String description, String version, String status, String decisionPath,
                         JsonNode exampleRequest) {
}
