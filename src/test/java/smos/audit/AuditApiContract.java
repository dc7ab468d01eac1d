package smos.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.request.Json;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision log through a real server: what a decision and a refused request leave on record, and
 * who may read it. Run on H2 and on PostgreSQL by the two subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditApiContract {
    private static final String CRM_TOKEN = "crm-token-0123456789abcdef";
    private static final String OFFICER_TOKEN = "privacy-token-0123456789abcdef";
    private static final String CLAIM = """
            {"claim": {"claimId": "%s", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                       "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": %s,
                       "reason": "CHANGED_MIND", "opened": true, "proofOfPurchase": true, "registered": false}}
            """;

    private JdbcAuditLog log;
    private HttpHarness http;

    abstract JdbcAuditLog openLog();

    @BeforeAll
    void start() {
        log = openLog();
        Metrics metrics = new Metrics();
        Tokens tokens = Tokens.of(Map.of("crm", CRM_TOKEN, "privacy-officer", OFFICER_TOKEN));
        http = new HttpHarness(Services.shipped(), ApiSettings.defaults().withTokens(tokens), metrics,
                new DecisionRecorder(log, true, Set.of(), metrics));
    }

    @AfterAll
    void stop() {
        http.close();
        log.close();
    }

    private Reply post(String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/api/v1/decisions/returns"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build());
    }

    private Reply read(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build());
    }

    @Test
    void aDecisionIsOnRecordWithEveryField() throws Exception {
        String body = CLAIM.formatted("AUD-1", "199.99");
        Reply answered = post(body, CRM_TOKEN);
        assertEquals(200, answered.status(), answered::toString);
        JsonNode response = answered.json();

        Reply record = read("/api/v1/audit/decisions/" + response.path("decisionId").asText(), CRM_TOKEN);

        assertEquals(200, record.status(), record::toString);
        JsonNode r = record.json();
        assertEquals(answered.requestId(), r.path("decisionId").asText());
        assertEquals("returns", r.path("domain").asText());
        assertEquals(response.path("rulesetVersion").asText(), r.path("rulesetVersion").asText());
        assertEquals("crm", r.path("caller").asText());
        assertEquals(200, r.path("status").asInt());
        assertEquals(Json.mapper().readTree(body), r.path("request"));
        assertEquals(response.path("decision"), r.path("decision"));
        assertEquals(response.path("trace"), r.path("trace"));
        assertEquals(response.path("durationMicros").asLong(), r.path("durationMicros").asLong());
        assertTrue(r.path("problem").isNull());
        assertTrue(java.time.Instant.parse(r.path("decidedAt").asText()).isAfter(java.time.Instant.now().minusSeconds(60)));
    }

    @Test
    void aDecisionWithoutATokenIsRecordedForAnonymous() {
        Reply answered = post(CLAIM.formatted("AUD-2", "10.00"), null);
        assertEquals(200, answered.status(), answered::toString);
        JsonNode r = read("/api/v1/audit/decisions/" + answered.requestId(), CRM_TOKEN).json();
        assertEquals("anonymous", r.path("caller").asText());
    }

    @Test
    void aRefusedRequestKeepsItsProblemTheFirst4KBOfItsBodyAndItsHash() throws Exception {
        String body = CLAIM.formatted("AUD-3", "-5.00") + " ".repeat(10_000);
        Reply refused = post(body, CRM_TOKEN);
        assertEquals(400, refused.status(), refused::toString);

        JsonNode r = read("/api/v1/audit/decisions/" + refused.requestId(), CRM_TOKEN).json();

        assertEquals(400, r.path("status").asInt());
        assertEquals("claim.purchasePrice", r.at("/problem/errors/0/field").asText());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(bytes, 0, 4096, StandardCharsets.UTF_8), r.path("bodyPrefix").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                r.path("bodySha256").asText());
        assertTrue(r.path("request").isNull() && r.path("decision").isNull());
    }

    @Test
    void readingTheLogNeedsAValidToken() {
        assertEquals(401, read("/api/v1/audit/decisions", null).status());
        assertEquals(401, read("/api/v1/audit/decisions", "not-a-token-0123456789").status());
        assertEquals(200, read("/api/v1/audit/decisions", CRM_TOKEN).status());
    }

    @Test
    void pagesAndTheExportListTheSameRecords() {
        String marker = "AUD-PAGE-" + UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            assertEquals(200, post(CLAIM.formatted(marker, "1" + i + ".00"), CRM_TOKEN).status());
        }
        Set<String> paged = new HashSet<>();
        String cursor = "";
        int pages = 0;
        do {
            Reply page = read("/api/v1/audit/decisions?domain=returns&status=ok&limit=3"
                    + (cursor.isEmpty() ? "" : "&before=" + cursor), CRM_TOKEN);
            assertEquals(200, page.status(), page::toString);
            for (JsonNode r : page.json().path("records")) {
                assertTrue(paged.add(r.path("decisionId").asText()));
            }
            cursor = page.json().path("next").asText();
            pages++;
        } while (!cursor.isEmpty());
        assertTrue(paged.size() >= 7);
        assertEquals((paged.size() + 2) / 3, pages);

        Reply export = read("/api/v1/audit/decisions?domain=returns&status=ok&format=ndjson", CRM_TOKEN);
        assertEquals("application/x-ndjson", export.contentType());
        Set<String> exported = new HashSet<>();
        for (String line : export.body().split("\n")) {
            exported.add(parse(line).path("decisionId").asText());
        }
        assertEquals(paged, exported);
        assertEquals(400, read("/api/v1/audit/decisions?limit=0", CRM_TOKEN).status());
        assertEquals("from", read("/api/v1/audit/decisions?from=yesterday", CRM_TOKEN).errorFields().get(0));
    }

    @Test
    void erasureRemovesACustomersRecordsAndIsItselfOnRecord() {
        String claimId = "AUD-ERASE-" + UUID.randomUUID();
        String first = post(CLAIM.formatted(claimId, "20.00"), CRM_TOKEN).requestId();
        String second = post(CLAIM.formatted(claimId, "30.00"), CRM_TOKEN).requestId();
        String other = post(CLAIM.formatted(claimId + "-other", "30.00"), CRM_TOKEN).requestId();

        Reply erased = http.send(HttpRequest.newBuilder(http.uri("/api/v1/audit/erasures"))
                .header("Authorization", "Bearer " + OFFICER_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"domain\": \"returns\", \"field\": \"claim.claimId\", "
                        + "\"value\": \"" + claimId + "\"}")).build());

        assertEquals(200, erased.status(), erased::toString);
        assertEquals(2, erased.json().path("records").asInt());
        assertEquals("privacy-officer", erased.json().path("erasedBy").asText());
        assertEquals(404, read("/api/v1/audit/decisions/" + first, CRM_TOKEN).status());
        assertEquals(404, read("/api/v1/audit/decisions/" + second, CRM_TOKEN).status());
        assertEquals(200, read("/api/v1/audit/decisions/" + other, CRM_TOKEN).status());
        Reply erasures = read("/api/v1/audit/erasures", CRM_TOKEN);
        assertTrue(erasures.body().contains("claim.claimId"));
        assertTrue(!erasures.body().contains(claimId), "the erased value is not on record");
    }

    @Test
    void replayOfEveryScenarioDecisionIsIdentical() {
        int replayed = 0;
        for (java.nio.file.Path file : smos.scenarios.ScenarioLoader.find(java.util.List.of(
                smos.testing.TestHomes.REPO.resolve("scenarios")))) {
            smos.scenarios.ScenarioFile scenarios = smos.scenarios.ScenarioLoader.load(file, file.toString());
            for (smos.scenarios.Scenario scenario : scenarios.scenarios()) {
                Reply decided = http.postJson("/api/v1/decisions/" + scenarios.domain(), scenario.given().toString());
                if (decided.status() != 200) {
                    continue; // a scenario of a refused request: nothing to replay
                }
                Reply replay = http.send(HttpRequest.newBuilder(http.uri("/api/v1/audit/decisions/"
                                + decided.requestId() + "/replay")).header("Authorization", "Bearer " + CRM_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
                assertEquals(200, replay.status(), replay::toString);
                assertTrue(replay.json().path("identical").asBoolean(), () -> scenarios.path() + " :: "
                        + scenario.name() + ": " + replay.body());
                assertEquals(0, replay.json().path("differences").size());
                replayed++;
            }
        }
        assertTrue(replayed > 300, "replayed " + replayed + " scenario decisions");
    }

    @Test
    void aVersionNoLongerInHistoryOrARefusedRequestIsAConflictNotAGuess() throws Exception {
        AuditRecord gone = new AuditRecord(smos.common.RequestIds.next(), java.time.Instant.now(), "returns",
                "000000000000", "crm", 200, 1L, CLAIM.formatted("AUD-GONE", "1.00"), "{}", "[]", null, null, null);
        log.append(gone).get(10, java.util.concurrent.TimeUnit.SECONDS);
        String refused = post(CLAIM.formatted("AUD-REF", "-1"), CRM_TOKEN).requestId();
        for (String id : java.util.List.of(gone.decisionId(), refused)) {
            Reply replay = http.send(HttpRequest.newBuilder(http.uri("/api/v1/audit/decisions/" + id + "/replay"))
                    .header("Authorization", "Bearer " + CRM_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(409, replay.status(), replay::toString);
            assertEquals("/problems/conflict", replay.json().path("type").asText());
        }
        assertTrue(http.send(HttpRequest.newBuilder(http.uri("/api/v1/audit/decisions/" + gone.decisionId() + "/replay"))
                .header("Authorization", "Bearer " + CRM_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build())
                .json().path("detail").asText().contains("no longer in the rule history"));
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
