package smos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One scenario: the facts given, and either the decision expected (a partial match) with rules that
 * must fire, or the error expected ({@code expectError}: the request is refused, naming a field).
 */
public record Scenario(String name, JsonNode given, JsonNode expect, List<String> expectRules,
                       ExpectedError expectError) {

    public Scenario(String name, JsonNode given, JsonNode expect, List<String> expectRules) {
        this(name, given, expect, expectRules, null);
    }

    /** Whether the request is expected to be refused (bad input) rather than decided. */
    public boolean refused() {
        return expectError != null;
    }
}
