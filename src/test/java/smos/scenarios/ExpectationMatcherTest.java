package smos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import smos.request.Json;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The matching rules of the README's Scenarios section: partial objects, order-free lists, exact decimals, dates as dates. */
class ExpectationMatcherTest {

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<ExpectationMatcher.Mismatch> compare(String expected, String actual) {
        return ExpectationMatcher.compare(json(expected), json(actual));
    }

    @Test
    void objectsMatchTheFieldsNamed() {
        assertEquals(List.of(), compare("{\"a\": 1}", "{\"a\": 1, \"b\": 2}"));
        assertEquals(List.of(new ExpectationMatcher.Mismatch("a", "1", "2")), compare("{\"a\": 1}", "{\"a\": 2}"));
        assertEquals("x.y", compare("{\"x\": {\"y\": true}}", "{\"x\": {\"y\": false}}").get(0).field());
        assertEquals(1, compare("{\"missing\": 1}", "{}").size());
    }

    @Test
    void numbersCompareAsExactDecimals() {
        assertEquals(List.of(), compare("{\"a\": 169.99}", "{\"a\": 169.990}"));
        assertEquals(List.of(), compare("{\"a\": 30}", "{\"a\": 30.00}"));
        assertEquals(1, compare("{\"a\": 0.1}", "{\"a\": 0.10000001}").size());
        assertEquals(1, compare("{\"a\": 1}", "{\"a\": \"1\"}").size());
    }

    @Test
    void nullMatchesOnlyNull() {
        assertEquals(List.of(), compare("{\"a\": null}", "{\"a\": null}"));
        assertEquals(1, compare("{\"a\": null}", "{\"a\": 0}").size());
        assertEquals(1, compare("{\"a\": 0}", "{\"a\": null}").size());
    }

    @Test
    void datesCompareAsDates() {
        assertEquals(List.of(), compare("{\"d\": \"2026-10-01\"}", "{\"d\": \"2026-10-01\"}"));
        assertEquals(List.of(), compare("{\"t\": \"2026-10-01T10:00:00Z\"}", "{\"t\": \"2026-10-01T12:00:00+02:00\"}"));
        assertEquals(1, compare("{\"d\": \"2026-10-01\"}", "{\"d\": \"2026-10-02\"}").size());
    }

    @Test
    void listsMatchInAnyOrderWithTheSameLength() {
        assertEquals(List.of(), compare("{\"l\": [\"B\", \"A\"]}", "{\"l\": [\"A\", \"B\"]}"));
        assertEquals(List.of(), compare("{\"l\": [{\"code\": \"X\"}, {\"code\": \"Y\", \"n\": 2}]}",
                "{\"l\": [{\"code\": \"Y\", \"n\": 2.0}, {\"code\": \"X\", \"n\": 1}]}"));
        assertEquals(1, compare("{\"l\": [\"A\"]}", "{\"l\": [\"A\", \"B\"]}").size());
        assertEquals("l[1]", compare("{\"l\": [\"A\", \"C\"]}", "{\"l\": [\"A\", \"B\"]}").get(0).field());
    }

    @Test
    void eachExpectedElementNeedsADifferentActualElement() {
        // both expected elements match the first actual one; only a one-to-one assignment counts
        assertEquals(1, compare("{\"l\": [{\"code\": \"X\"}, {\"code\": \"X\"}]}",
                "{\"l\": [{\"code\": \"X\", \"n\": 1}, {\"code\": \"Y\"}]}").size());
        assertEquals(List.of(), compare("{\"l\": [{\"code\": \"X\"}, {\"code\": \"X\", \"n\": 2}]}",
                "{\"l\": [{\"code\": \"X\", \"n\": 2}, {\"code\": \"X\", \"n\": 1}]}"));
    }
}
