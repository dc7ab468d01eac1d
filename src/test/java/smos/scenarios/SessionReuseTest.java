package smos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import smos.request.Json;
import smos.service.DecisionResponse;
import smos.service.DecisionService;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule sessions are reused between decisions; nothing of one decision may leak into the next. Every
 * scenario request is decided in file order, then again in reverse order, and must give the same
 * decision and trace.
 */
class SessionReuseTest {

    @Test
    void decisionsDoNotDependOnWhatWasDecidedBefore() throws Exception {
        DecisionService service = Services.shipped();
        List<String[]> requests = new ArrayList<>();
        for (Path path : ScenarioLoader.find(List.of(TestHomes.REPO.resolve(ScenarioLoader.SCENARIOS_DIR)))) {
            ScenarioFile file = ScenarioLoader.load(path, path.toString());
            for (Scenario s : file.scenarios()) {
                if (s.refused()) {
                    continue; // refused before any session is used
                }
                requests.add(new String[] {file.domain(), s.given().toString(), file.path() + " :: " + s.name()});
            }
        }
        assertTrue(requests.size() > 10);
        Map<String, String> forward = decideAll(service, requests);
        List<String[]> reversed = new ArrayList<>(requests);
        Collections.reverse(reversed);
        Map<String, String> backward = decideAll(service, reversed);
        for (String[] r : requests) {
            assertEquals(forward.get(r[2]), backward.get(r[2]), r[2]);
        }
    }

    private static Map<String, String> decideAll(DecisionService service, List<String[]> requests) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String[] r : requests) {
            DecisionResponse response = service.decide(r[0], r[1].getBytes());
            JsonNode answer = Json.mapper().valueToTree(Map.of("decision", response.decision(), "trace", response.trace()));
            answers.put(r[2], answer.toString());
        }
        return answers;
    }
}
