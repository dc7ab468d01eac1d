package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch endpoint: order kept, a bad item reported without failing the others, limits, both formats. */
class BatchApiTest {
    private static final String BATCH = "/api/v1/decisions/returns/batch";
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        http = new HttpHarness(Services.shipped(), ApiSettings.defaults().withBatchLimits(5, 10_000), new Metrics());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String claim(String id, String channel) {
        return "{\"claim\": {\"claimId\": \"" + id + "\", \"productLine\": \"CONSUMER_ROUTER\", \"condition\": \"NEW\", "
                + "\"channel\": \"" + channel + "\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\", "
                + "\"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true, "
                + "\"registered\": false}}";
    }

    private static Reply post(String type, String body) {
        return http.post(BATCH, type, HttpRequest.BodyPublishers.ofString(body));
    }

    private static List<JsonNode> ndjson(Reply reply) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : reply.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(new Reply(200, "", line).json());
            }
        }
        return lines;
    }

    @Test
    void aJsonArrayIsAnsweredInOrderAndABadItemFailsAlone() {
        Reply reply = post("application/json", "[" + claim("C-0", "DIRECT") + "," + claim("C-1", "EBAY") + ","
                + claim("C-2", "RETAILER") + "]");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("application/json", reply.contentType());
        JsonNode results = reply.json();
        assertEquals(3, results.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, results.get(i).path("index").asInt());
        }
        assertEquals("REFUND", results.get(0).at("/decision/outcome").asText());
        assertEquals(12, results.get(0).path("rulesetVersion").asText().length());
        assertEquals(400, results.get(1).at("/error/status").asInt());
        assertEquals("claim.channel", results.get(1).at("/error/errors/0/field").asText());
        assertTrue(results.get(1).path("decision").isMissingNode());
        assertEquals("REDIRECT_TO_SELLER", results.get(2).at("/decision/outcome").asText());
        assertTrue(results.get(0).path("trace").isMissingNode(), "no trace unless asked");
    }

    @Test
    void ndjsonIsAnsweredLineByLineAndAMalformedLineFailsAlone() {
        Reply reply = post("application/x-ndjson", claim("N-0", "DIRECT") + "\n{not json\n\n" + claim("N-2", "DIRECT") + "\n");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("application/x-ndjson", reply.contentType());
        List<JsonNode> lines = ndjson(reply);
        assertEquals(3, lines.size());
        assertEquals("N-0", lines.get(0).at("/decision/claimId").asText());
        assertEquals(1, lines.get(1).path("index").asInt());
        assertEquals(400, lines.get(1).at("/error/status").asInt());
        assertEquals(2, lines.get(2).path("index").asInt());
        assertEquals("N-2", lines.get(2).at("/decision/claimId").asText());
    }

    @Test
    void theTraceComesWhenAskedFor() {
        Reply reply = http.post(BATCH + "?trace=true", "application/json",
                HttpRequest.BodyPublishers.ofString("[" + claim("T-0", "DIRECT") + "]"));
        assertTrue(reply.json().get(0).path("trace").get(0).path("location").asText().contains("!"), reply::toString);
    }

    @Test
    void aJsonArrayPastTheItemLimitGets413AndNothingIsDecided() {
        StringBuilder six = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            six.append(i == 0 ? "" : ",").append("{}");
        }
        Reply reply = post("application/json", six.append("]").toString());
        assertEquals(413, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType());
        assertTrue(reply.json().path("detail").asText().contains("at most 5 items"), reply::toString);
    }

    @Test
    void aJsonArrayPastTheByteLimitGets413() {
        Reply reply = post("application/json", "[" + ("{\"claim\": {\"claimId\": \"" + "x".repeat(11_000) + "\"}}") + "]");
        assertEquals(413, reply.status(), reply::toString);
    }

    @Test
    void anNdjsonStreamPastTheLimitEndsWithAnErrorLineSayingWhereItStopped() {
        StringBuilder seven = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            seven.append(claim("L-" + i, "DIRECT")).append('\n');
        }
        List<JsonNode> lines = ndjson(post("application/x-ndjson", seven.toString()));
        assertEquals(6, lines.size());
        JsonNode last = lines.get(5);
        assertEquals(5, last.path("index").asInt());
        assertEquals(413, last.at("/error/status").asInt());
        assertTrue(last.at("/error/detail").asText().contains("from index 5 on were not read"), last.toString());
    }

    @Test
    void aMalformedArrayIs400AndOtherContentTypesAre415() {
        Reply malformed = post("application/json", "[" + claim("M-0", "DIRECT") + ", {");
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals(400, post("application/json", "{\"claim\": {}}").status());
        assertEquals(415, post("text/csv", "a,b").status());
        Reply unknown = http.post("/api/v1/decisions/refunds/batch", "application/json",
                HttpRequest.BodyPublishers.ofString("[]"));
        assertEquals(404, unknown.status());
    }

    @Test
    void metricsCountDecisionsByDomainAndStatus() {
        http.postJson("/api/v1/decisions/returns", claim("M-1", "DIRECT"));
        http.postJson("/api/v1/decisions/returns", claim("M-2", "EBAY"));
        Reply metrics = http.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        String text = metrics.body();
        assertTrue(text.matches("(?s).*smos_decisions_total\\{domain=\"returns\",status=\"200\"} [1-9].*"), text);
        assertTrue(text.matches("(?s).*smos_decision_errors_total\\{domain=\"returns\",status=\"400\"} [1-9].*"), text);
        assertTrue(text.contains("smos_decision_seconds_bucket{domain=\"returns\",le=\"+Inf\"}"), text);
        assertTrue(text.contains("jvm_memory_heap_used_bytes "), text);
    }
}
