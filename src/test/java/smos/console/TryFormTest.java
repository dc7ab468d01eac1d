package smos.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import smos.contract.RequestSchema;
import smos.request.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shapes no shipped domain has yet (a list of plain values, a yes/no that may be absent, a map, a
 * whole-number bound that is exclusive), drawn and read back from a schema written the way the
 * generator writes them.
 */
class TryFormTest {
    private static final TryForm FORM = new TryForm(schema("""
            {"OrderRequest": {"type": "object", "required": ["tags", "count", "express"], "properties": {
               "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
               "count": {"type": "integer", "exclusiveMinimum": 0, "maximum": 10},
               "express": {"type": "boolean"},
               "gift": {"type": ["boolean", "null"]},
               "size": {"anyOf": [{"type": "null"}, {"$ref": "#/components/schemas/Size"}]},
               "extras": {"type": "object", "additionalProperties": {"type": "number"}}}},
             "Size": {"type": "string", "enum": ["S", "M", "L"]}}"""));

    @Test
    void eachShapeIsDrawnAsItsInput() throws Exception {
        List<FormField> fields = FORM.fields(Json.mapper().readTree("""
                {"tags": ["a", "b"], "count": 3, "express": true, "size": "M", "extras": {"wrap": 2.5}}"""), Map.of());
        FormField tags = fields.get(0);
        assertEquals(FormField.Kind.LIST, tags.kind());
        assertEquals(List.of("tags[0]", "tags[1]", "tags[2]"), tags.children().stream().map(FormField::name).toList(),
                "one input per item and one blank");
        assertEquals(List.of("a", "b", ""), tags.children().stream().map(FormField::value).toList());
        assertTrue(tags.hint().contains("at most 5 items"), tags.hint());
        FormField count = fields.get(1);
        assertEquals(FormField.Kind.NUMBER, count.kind());
        assertEquals("1", count.min(), "a whole number above 0 is at least 1");
        assertEquals("10", count.max());
        assertEquals("1", count.step());
        assertEquals(FormField.Kind.CHECKBOX, fields.get(2).kind());
        assertTrue(fields.get(2).checked());
        FormField gift = fields.get(3);
        assertEquals(FormField.Kind.CHOICE, gift.kind(), "a yes/no that may be absent is a choice");
        assertEquals(List.of("", "true", "false"), gift.options());
        FormField size = fields.get(4);
        assertEquals(List.of("", "S", "M", "L"), size.options(), "an enumeration that may be absent can be left unset");
        assertEquals("M", size.value());
        assertFalse(size.required());
        FormField extras = fields.get(5);
        assertEquals(FormField.Kind.JSON, extras.kind(), "a map has no input of its own: its JSON");
        assertEquals(2.5, Json.mapper().readTree(extras.value()).get("wrap").asDouble());
    }

    @Test
    void thePostedFieldsMakeTheRequestTypedByTheSchema() {
        Map<String, List<String>> posted = new LinkedHashMap<>();
        posted.put("tags[0]", List.of("a"));
        posted.put("tags[1]", List.of(""));      // a blanked item is removed
        posted.put("tags[2]", List.of("c"));
        posted.put("count", List.of("4"));
        posted.put("gift", List.of("false"));
        posted.put("size", List.of(""));
        posted.put("extras", List.of("{\"wrap\": 1}"));
        JsonNode request = FORM.read(posted);
        assertEquals("[\"a\",\"c\"]", request.get("tags").toString());
        assertEquals(4, request.get("count").asInt());
        assertTrue(request.get("count").isNumber());
        assertFalse(request.get("express").asBoolean(), "an unticked box is not posted: it means no");
        assertTrue(request.get("express").isBoolean());
        assertTrue(request.get("gift").isBoolean());
        assertFalse(request.get("gift").asBoolean());
        assertNull(request.get("size"), "left unset: absent");
        assertEquals(1, request.get("extras").get("wrap").asInt());
    }

    @Test
    void aValueThatDoesNotParseStaysTextForTheRequestReaderToName() {
        JsonNode request = FORM.read(Map.of("count", List.of("four"), "gift", List.of("maybe")));
        assertEquals("four", request.get("count").asText());
        assertTrue(request.get("count").isTextual());
        assertTrue(request.get("gift").isTextual());
        assertEquals("[]", request.get("tags").toString(), "a required list with no item is empty, not absent");
    }

    private static RequestSchema schema(String definitions) {
        try {
            return new RequestSchema("OrderRequest", (ObjectNode) Json.mapper().readTree(definitions));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
