package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.request.Json;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP contract against a real server: the decision, the catalogue, and every kind of bad input. */
class DecisionApiTest {
    private static final String RETURNS = "/api/v1/decisions/returns";
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

    private static ObjectNode claim() {
        try {
            return (ObjectNode) Json.mapper().readTree(CLAIM);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Reply post(JsonNode body) {
        return http.postJson(RETURNS, body.toString());
    }

    /** A 400 problem whose errors name exactly this field. */
    private static void assertRejects(Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType());
        JsonNode problem = reply.json();
        assertEquals(400, problem.path("status").asInt());
        assertEquals("/problems/invalid-request", problem.path("type").asText());
        assertFalse(problem.path("title").asText().isEmpty());
        assertFalse(problem.path("detail").asText().isEmpty());
        assertEquals(List.of(field), reply.errorFields(), reply::toString);
    }

    /** Answers are written straight into the response's stream: its length is announced, and nothing follows the JSON. */
    @Test
    void anAnswerAnnouncesItsLengthAndHoldsOnlyItsJson() throws Exception {
        HttpResponse<byte[]> reply = client().send(HttpRequest.newBuilder(http.uri(RETURNS))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CLAIM)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, reply.statusCode());
        assertEquals(String.valueOf(reply.body().length), reply.headers().firstValue("Content-Length").orElse("none"));
        JsonNode body = Json.mapper().readTree(reply.body());
        assertEquals("REFUND", body.at("/decision/outcome").asText());
        assertEquals(new String(reply.body(), StandardCharsets.UTF_8), body.toString(), "one JSON document, as written");
    }

    /** A large answer is still compressed for a client that asks, and reads the same once unpacked. */
    @Test
    void aLargeAnswerIsGzippedForAClientThatAsksAndSaysTheSame() throws Exception {
        HttpResponse<byte[]> plain = client().send(HttpRequest.newBuilder(http.uri("/api/v1/domains")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> packed = client().send(HttpRequest.newBuilder(http.uri("/api/v1/domains"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, packed.statusCode());
        assertTrue(plain.body().length > 2_000, "the catalogue is large enough to be compressed: " + plain.body().length);
        assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElse("none"));
        assertTrue(packed.body().length < plain.body().length, "compressed is smaller");
        byte[] unpacked;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed.body()))) {
            unpacked = in.readAllBytes();
        }
        assertEquals(Json.mapper().readTree(plain.body()), Json.mapper().readTree(unpacked));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void aClaimGetsItsDecisionWithVersionAndTrace() {
        Reply reply = http.postJson(RETURNS, CLAIM);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("application/json", reply.contentType());
        JsonNode body = reply.json();
        assertEquals("returns", body.path("domain").asText());
        assertEquals(12, body.path("rulesetVersion").asText().length());
        assertEquals("REFUND", body.at("/decision/outcome").asText());
        // money keeps its cents on the wire
        assertTrue(reply.body().contains("\"restockingFee\":30.00"), reply::toString);
        assertTrue(reply.body().contains("\"refundAmount\":169.99"), reply::toString);
        assertTrue(body.at("/decision").has("returnDueDays"), "null fields are present");
        assertTrue(body.path("durationMicros").isNumber());
        JsonNode outcomeRule = null;
        for (JsonNode fired : body.path("trace")) {
            if (fired.path("rule").asText().equals("ChangedMindOpenedIsRefundedLessFee")) {
                outcomeRule = fired;
            }
        }
        assertTrue(outcomeRule != null, body.toString());
        assertEquals("decision-tables/returns/returns-policy.xlsx", outcomeRule.path("source").asText());
        assertTrue(outcomeRule.path("location").asText().matches("Outcome![A-Z]+\\d+"), outcomeRule.toString());
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        ObjectNode body = claim();
        ((ObjectNode) body.get("claim")).remove("claimDate");
        assertRejects(post(body), "claim.claimDate");
    }

    @Test
    void anUnknownFieldIsNamed() {
        ObjectNode body = claim();
        ((ObjectNode) body.get("claim")).put("colour", "blue");
        Reply reply = post(body);
        assertRejects(reply, "claim.colour");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        ObjectNode body = claim();
        ((ObjectNode) body.get("claim")).put("channel", "EBAY");
        Reply reply = post(body);
        assertRejects(reply, "claim.channel");
        assertTrue(reply.json().at("/errors/0/message").asText().contains("DIRECT, RETAILER, DISTRIBUTOR"), reply::toString);
    }

    @Test
    void aNegativePriceIsRejected() {
        ObjectNode body = claim();
        ((ObjectNode) body.get("claim")).put("purchasePrice", -0.01);
        assertRejects(post(body), "claim.purchasePrice");
    }

    @Test
    void aClaimDateBeforeThePurchaseDateIsRejected() {
        ObjectNode body = claim();
        ((ObjectNode) body.get("claim")).put("claimDate", "2026-09-30");
        assertRejects(post(body), "claim.claimDate");
    }

    @Test
    void anImpossibleDateIsRejected() {
        ObjectNode body = claim();
        ((ObjectNode) body.get("claim")).put("purchaseDate", "2026-02-30");
        Reply reply = post(body);
        assertRejects(reply, "claim.purchaseDate");
        assertTrue(reply.json().at("/errors/0/message").asText().contains("2026-02-30"), reply::toString);
    }

    @Test
    void malformedJsonIsRejected() {
        assertRejects(http.postJson(RETURNS, "{\"claim\": {\"claimId\": \"C-1\","), "claim.claimId");
        assertRejects(http.postJson(RETURNS, "{claim: 1}"), "$");
    }

    @Test
    void anEmptyBodyIsRejected() {
        assertRejects(http.postJson(RETURNS, ""), "$");
    }

    @Test
    void anArrayInsteadOfAnObjectIsRejected() {
        assertRejects(http.postJson(RETURNS, "[" + CLAIM + "]"), "$");
    }

    @Test
    void jsonNestedTenThousandLevelsDeepIsRejected() {
        String deep = "{\"claim\":".repeat(10_000) + "{}" + "}".repeat(10_000);
        assertRejects(http.postJson(RETURNS, deep), "$");
        String deepArray = "[".repeat(10_000) + "]".repeat(10_000);
        assertRejects(http.postJson(RETURNS, deepArray), "$");
    }

    @Test
    void aContentTypeOtherThanJsonGets415() {
        Reply reply = http.post(RETURNS, "text/plain", HttpRequest.BodyPublishers.ofString(CLAIM));
        assertEquals(415, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType());
        Reply none = http.post(RETURNS, null, HttpRequest.BodyPublishers.ofString(CLAIM));
        assertEquals(415, none.status(), none::toString);
        Reply withCharset = http.post(RETURNS, "application/json; charset=utf-8", HttpRequest.BodyPublishers.ofString(CLAIM));
        assertEquals(200, withCharset.status(), withCharset::toString);
    }

    @Test
    void aBodyOverOneMegabyteGets413() {
        String big = "{\"claim\": {\"claimId\": \"" + "x".repeat(1_100_000) + "\"}}";
        Reply declared = http.postJson(RETURNS, big);
        assertEquals(413, declared.status(), declared::toString);
        assertEquals("application/problem+json", declared.contentType());
        // without a Content-Length (chunked), the limit holds while reading
        Reply chunked = http.post(RETURNS, "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())));
        assertEquals(413, chunked.status(), chunked::toString);
    }

    @Test
    void anUnknownDomainGets404() {
        Reply reply = http.postJson("/api/v1/decisions/refunds", CLAIM);
        assertEquals(404, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType());
        assertTrue(reply.json().path("detail").asText().contains("returns"), reply::toString);
    }

    @Test
    void unknownPathsAndMethodsAnswerProblems() {
        Reply path = http.get("/api/v2/nothing");
        assertEquals(404, path.status());
        assertEquals("application/problem+json", path.contentType());
        Reply method = http.get(RETURNS);
        assertEquals(405, method.status(), method::toString);
        assertEquals("application/problem+json", method.contentType());
    }

    @Test
    void theCatalogueListsDomainsWithAnExampleThatWorks() {
        Reply reply = http.get("/api/v1/domains");
        assertEquals(200, reply.status());
        JsonNode returns = null;
        for (JsonNode domain : reply.json()) {
            if (domain.path("id").asText().equals("returns")) {
                returns = domain;
            }
        }
        assertTrue(returns != null, reply::toString);
        assertEquals("ACTIVE", returns.path("status").asText());
        assertEquals(12, returns.path("version").asText().length());
        assertFalse(returns.path("description").asText().isEmpty());
        Reply example = http.postJson(RETURNS, returns.path("exampleRequest").toString());
        assertEquals(200, example.status(), example::toString);
    }

    @Test
    void rulesetsAndHealthReportTheActiveVersion() {
        JsonNode rulesets = http.get("/api/v1/rulesets").json();
        JsonNode returns = null;
        for (JsonNode ruleset : rulesets) {
            if (ruleset.path("domain").asText().equals("returns")) {
                returns = ruleset;
            }
        }
        assertTrue(returns != null, rulesets::toString);
        assertEquals("ACTIVE", returns.path("status").asText());
        assertTrue(returns.path("files").toString().contains("decision-tables/returns/returns-policy.xlsx"));
        assertTrue(returns.path("loadedAt").isTextual());
        assertTrue(returns.path("lastRejected").isNull());
        Reply health = http.get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().path("status").asText());
        assertEquals("ACTIVE", health.json().at("/domains/returns/status").asText());
    }
}
