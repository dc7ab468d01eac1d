package smos.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import smos.request.Json;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions compare as the scenario files compare them: exact decimals, lists as sets, field by field. */
class DecisionDiffTest {
    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void equalDecisionsHaveNoDifferenceWhateverTheScaleOrTheListOrder() throws Exception {
        assertTrue(DecisionDiff.between(
                json("{\"fee\": 30.00, \"notify\": [\"A\", \"B\"], \"offer\": null}"),
                json("{\"fee\": 30.0, \"notify\": [\"B\", \"A\"], \"offer\": null}")).isEmpty());
    }

    @Test
    void eachDifferingFieldIsNamedWithBothValues() throws Exception {
        List<DecisionDiff.Difference> differences = DecisionDiff.between(
                json("{\"outcome\": \"REFUND\", \"kpis\": {\"pace\": 0.9000, \"gap\": 1}, \"notify\": [\"A\"], \"x\": 1}"),
                json("{\"outcome\": \"DENY\", \"kpis\": {\"pace\": 0.9, \"gap\": 2}, \"notify\": [\"A\", \"A\"]}"));

        assertEquals(List.of("outcome", "kpis.gap", "notify", "x"),
                differences.stream().map(DecisionDiff.Difference::field).toList());
        assertEquals("REFUND", differences.get(0).before().asText());
        assertEquals("DENY", differences.get(0).after().asText());
        assertEquals(null, differences.get(3).after());
    }

    @Test
    void aListIsASetWithRepetitions() throws Exception {
        assertEquals(1, DecisionDiff.between(json("{\"a\": [1, 1, 2]}"), json("{\"a\": [1, 2, 2]}")).size());
    }
}
