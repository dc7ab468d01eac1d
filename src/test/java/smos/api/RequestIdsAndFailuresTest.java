package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.failure.FailureKind;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every answer names its request; a decision is named by that id; failures become problems by their kind. */
class RequestIdsAndFailuresTest {
    private static final Pattern UUID_V7 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final String CLAIM = """
            {"claim": {"claimId": "C-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                       "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 199.99,
                       "reason": "CHANGED_MIND", "opened": true, "proofOfPurchase": true, "registered": false}}
            """;
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void aDecisionIsNamedByItsRequestId() {
        Reply first = http.postJson("/api/v1/decisions/returns", CLAIM);
        Reply second = http.postJson("/api/v1/decisions/returns", CLAIM);

        assertEquals(200, first.status(), first::toString);
        assertNotNull(first.requestId());
        assertTrue(UUID_V7.matcher(first.requestId()).matches(), first.requestId());
        assertEquals(first.requestId(), first.json().path("decisionId").asText());
        assertNotEquals(first.requestId(), second.requestId());
    }

    @Test
    void everyFailureKindIsAProblemWithTheRequestId() {
        Reply unknown = http.postJson("/api/v1/decisions/no-such-domain", CLAIM);
        assertProblem(unknown, FailureKind.UNKNOWN_DOMAIN);

        Reply invalid = http.postJson("/api/v1/decisions/returns", "{\"claim\": {}}");
        assertProblem(invalid, FailureKind.INVALID_REQUEST);
        assertTrue(invalid.json().path("errors").size() > 0, invalid::toString);

        Reply notJson = http.post("/api/v1/decisions/returns", "text/plain",
                java.net.http.HttpRequest.BodyPublishers.ofString(CLAIM));
        assertProblem(notJson, FailureKind.UNSUPPORTED_MEDIA_TYPE);

        Reply tooLarge = http.postJson("/api/v1/decisions/returns", " ".repeat(2 * 1024 * 1024) + CLAIM);
        assertProblem(tooLarge, FailureKind.LIMIT_EXCEEDED);

        Reply noRoute = http.get("/api/v1/nothing-here");
        assertEquals(404, noRoute.status());
        assertEquals(noRoute.requestId(), noRoute.json().path("requestId").asText());
    }

    @Test
    void eachBatchItemHasItsOwnDecisionId() {
        Reply reply = http.postJson("/api/v1/decisions/returns/batch", "[" + CLAIM + "," + CLAIM + ", {\"claim\": 1}]");

        assertEquals(200, reply.status(), reply::toString);
        JsonNode items = reply.json();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            String id = items.get(i).path("decisionId").asText();
            assertTrue(UUID_V7.matcher(id).matches(), id);
            ids.add(id);
        }
        assertEquals(2, ids.size());
        assertNotEquals(reply.requestId(), items.get(0).path("decisionId").asText());
        JsonNode error = items.get(2).path("error");
        assertEquals(FailureKind.INVALID_REQUEST.type(), error.path("type").asText());
        assertEquals(400, error.path("status").asInt());
    }

    private static void assertProblem(Reply reply, FailureKind kind) {
        assertEquals(kind.status(), reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType(), reply::toString);
        JsonNode problem = reply.json();
        assertEquals(kind.type(), problem.path("type").asText());
        assertEquals(kind.title(), problem.path("title").asText());
        assertEquals(reply.requestId(), problem.path("requestId").asText());
    }
}
