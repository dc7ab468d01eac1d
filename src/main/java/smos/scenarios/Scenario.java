package smos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One scenario: the facts given, and either the decision expected (a partial match) with rules that
 * must fire, or the error expected ({@code expectError}: the request is refused, naming a field).
 * {@code line} is where it starts in its file (0 when not known).
 */
public record Scenario(String name, int line, JsonNode given, JsonNode expect, List<String> expectRules,
                       ExpectedError expectError) {

    public Scenario(String name, int line, JsonNode given, JsonNode expect, List<String> expectRules) {
        this(name, line, given, expect, expectRules, null);
    }

    /** Whether the request is expected to be refused (bad input) rather than decided. */
    public boolean refused() {
        return expectError != null;
    }
}
