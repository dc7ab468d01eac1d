package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/domains/{d}/scenarios/run} through a real server: the domain's files, or posted YAML. */
class ScenarioRunApiTest {
    private static final String RUN = "/api/v1/domains/returns/scenarios/run";
    private static final String TOKEN = "a-long-enough-token-for-the-test-0123456789";
    /** The README's scenario, worked out from the returns policy: opened, day 20, refunded less 15%. */
    private static final String GOOD = """
            domain: returns
            scenarios:
              - name: opened router returned on day 20 is refunded less a 15% restocking fee
                given:
                  claim: {claimId: C-1, productLine: CONSUMER_ROUTER, condition: NEW, channel: DIRECT,
                          purchaseDate: 2026-10-01, claimDate: 2026-10-21, purchasePrice: 199.99,
                          reason: CHANGED_MIND, opened: true, proofOfPurchase: true, registered: false}
                expect:
                  outcome: REFUND
                  restockingFee: 30.00
                  refundAmount: 169.99
            """;
    private static DecisionService service;
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        service = Services.shipped();
        http = new HttpHarness(service);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static Reply post(String path, String type, String body) {
        return http.post(path, type, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void withoutABodyTheDomainsScenarioFilesRunAndAllPass() {
        int scenarios = 0;
        for (Path file : ScenarioLoader.find(List.of(TestHomes.REPO.resolve("scenarios/returns")))) {
            scenarios += ScenarioLoader.load(file, file.toString()).scenarios().size();
        }

        Reply reply = post(RUN, null, null);

        assertEquals(200, reply.status(), reply::toString);
        JsonNode body = reply.json();
        assertEquals("returns", body.path("domain").asText());
        assertEquals(service.registry().state("returns").orElseThrow().active().version(),
                body.path("rulesetVersion").asText());
        assertEquals(scenarios, body.path("passed").asInt());
        assertEquals(0, body.path("failed").asInt());
        assertEquals(0, body.path("failures").size());
    }

    @Test
    void postedYamlThatPassesIs200() {
        Reply reply = post(RUN, "application/yaml", GOOD);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, reply.json().path("passed").asInt());
    }

    @Test
    void postedYamlWithAWrongExpectationIsA422ListingTheFailure() {
        Reply reply = post(RUN, "text/yaml; charset=utf-8", GOOD.replace("refundAmount: 169.99", "refundAmount: 199.99"));

        assertEquals(422, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        JsonNode body = reply.json();
        assertEquals("/problems/scenarios-failed", body.path("type").asText());
        assertEquals(0, body.path("passed").asInt());
        assertEquals(1, body.path("failed").asInt());
        JsonNode failure = body.path("failures").get(0);
        assertEquals("(posted)", failure.path("file").asText());
        assertEquals("opened router returned on day 20 is refunded less a 15% restocking fee",
                failure.path("scenario").asText());
        assertEquals(3, failure.path("line").asInt());
        assertEquals("refundAmount", failure.path("field").asText());
        assertEquals("199.99", failure.path("expected").asText());
        assertEquals("169.99", failure.path("actual").asText());
    }

    @Test
    void malformedPostedYamlIsA400NamingItsLine() {
        Reply reply = post(RUN, "application/yaml", GOOD.replace("outcome: REFUND", "outcome: [REFUND"));
        assertEquals(400, reply.status(), reply::toString);
        String detail = reply.json().path("detail").asText();
        assertTrue(detail.matches("(?s)\\(posted\\):(9|10): not valid YAML.*"), detail);
    }

    @Test
    void postedYamlForAnotherDomainIsA400() {
        Reply reply = post("/api/v1/domains/compensation/scenarios/run", "application/yaml", GOOD);
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.json().path("detail").asText().contains("'returns'"), reply::toString);
    }

    @Test
    void aBodyOfAnotherTypeIs415AndAnUnknownDomain404() {
        assertEquals(415, post(RUN, "application/json", "{}").status());
        assertEquals(404, post("/api/v1/domains/nope/scenarios/run", null, null).status());
    }

    @Test
    void aPostedFileIsSizeLimitedLikeOtherBodies() {
        Reply reply = post(RUN, "application/yaml", GOOD + "#" + "x".repeat(ApiSettings.DEFAULT_MAX_BODY_BYTES));
        assertEquals(413, reply.status(), reply::toString);
    }

    @Test
    void withProtectedReadsTheRunNeedsTheToken() {
        ApiSettings settings = ApiSettings.defaults().withTokens(Tokens.of(Map.of("ops", TOKEN))).withProtectReads(true);
        try (HttpHarness guarded = new HttpHarness(service, settings, new Metrics())) {
            assertEquals(401, guarded.post(RUN, "application/yaml", HttpRequest.BodyPublishers.ofString(GOOD)).status());
            Reply reply = guarded.send(HttpRequest.newBuilder(guarded.uri(RUN)).header("Content-Type", "application/yaml")
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(GOOD)).build());
            assertEquals(200, reply.status(), reply::toString);
        }
    }
}
