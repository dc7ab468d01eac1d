package smos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One scenario: the facts given, the decision expected (a partial match), and rules that must fire. */
public record Scenario(String name, JsonNode given, JsonNode expect, List<String> expectRules) {
}
