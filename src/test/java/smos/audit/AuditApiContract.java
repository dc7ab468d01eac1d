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
    private static final String ARRAY_TOKEN = "array-batch-token-0123456789abcdef";
    private static final String NDJSON_TOKEN = "ndjson-batch-token-0123456789abcdef";
    /** The domain this server's log leaves out (--audit-exclude). */
    private static final String OPTED_OUT = "strategy";
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
        Tokens tokens = Tokens.of(Map.of("crm", CRM_TOKEN, "privacy-officer", OFFICER_TOKEN,
                "array-client", ARRAY_TOKEN, "ndjson-client", NDJSON_TOKEN));
        http = new HttpHarness(Services.shipped(), ApiSettings.defaults().withTokens(tokens), metrics,
                new DecisionRecorder(log, true, Set.of(OPTED_OUT), metrics));
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
                if (decided.status() != 200 || scenarios.domain().equals(OPTED_OUT)) {
                    continue; // a scenario of a refused request, or of a domain left out: nothing to replay
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

    @Test
    void everyItemOfAJsonArrayBatchIsOnRecordUnderItsOwnId() throws Exception {
        everyItemOfABatchIsOnRecord("application/json", ARRAY_TOKEN, "array-client");
    }

    @Test
    void everyItemOfAnNdjsonBatchIsOnRecordUnderItsOwnId() throws Exception {
        everyItemOfABatchIsOnRecord("application/x-ndjson", NDJSON_TOKEN, "ndjson-client");
    }

    /**
     * Five good claims and one with a negative price (padded past 4 KB) in one batch: the log holds
     * exactly the six items, each under the id its result line names, the good ones with every field of
     * a single decision, the refused one with its problem, the first 4 KB of the item and its hash.
     */
    private void everyItemOfABatchIsOnRecord(String contentType, String token, String caller) throws Exception {
        String marker = "AUD-BATCH-" + UUID.randomUUID();
        java.util.List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(compact(CLAIM.formatted(marker + "-" + i, (100 + i) + ".00")));
        }
        int refusedIndex = 3;
        String refusedItem = compact(CLAIM.formatted(marker + "-refused", "-5.00")).replace("}}", "} " + " ".repeat(6_000) + "}");
        items.add(refusedIndex, refusedItem);
        String body = contentType.equals("application/json") ? "[" + String.join(",", items) + "]"
                : String.join("\n", items) + "\n";
        java.time.Instant before = java.time.Instant.now();

        Reply answered = http.send(HttpRequest.newBuilder(http.uri("/api/v1/decisions/returns/batch?trace=true"))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertEquals(200, answered.status(), answered::toString);
        java.util.List<JsonNode> lines = new java.util.ArrayList<>();
        if (contentType.equals("application/json")) {
            answered.json().forEach(lines::add);
        } else {
            for (String line : answered.body().split("\n")) {
                lines.add(parse(line));
            }
        }
        assertEquals(items.size(), lines.size(), answered::toString);
        Set<String> answeredIds = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode line = lines.get(i);
            String id = line.path("decisionId").asText();
            assertTrue(answeredIds.add(id), "each item has its own decision id: " + line);
            Reply record = read("/api/v1/audit/decisions/" + id, CRM_TOKEN);
            assertEquals(200, record.status(), () -> "item " + line + ": " + record);
            JsonNode r = record.json();
            assertEquals(id, r.path("decisionId").asText());
            assertEquals("returns", r.path("domain").asText());
            assertEquals(caller, r.path("caller").asText());
            java.time.Instant decidedAt = java.time.Instant.parse(r.path("decidedAt").asText());
            assertTrue(!decidedAt.isBefore(before.minusSeconds(1)) && decidedAt.isBefore(java.time.Instant.now()),
                    "decided during the batch: " + decidedAt);
            if (i == refusedIndex) {
                assertEquals(400, line.at("/error/status").asInt(), line::toString);
                assertEquals(400, r.path("status").asInt());
                assertEquals("/problems/invalid-request", r.at("/problem/type").asText());
                assertEquals("claim.purchasePrice", r.at("/problem/errors/0/field").asText());
                byte[] bytes = refusedItem.getBytes(StandardCharsets.UTF_8);
                assertTrue(bytes.length > 4096);
                assertEquals(new String(bytes, 0, 4096, StandardCharsets.UTF_8), r.path("bodyPrefix").asText());
                assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                        r.path("bodySha256").asText());
                assertTrue(r.path("request").isNull() && r.path("decision").isNull() && r.path("rulesetVersion").isNull());
            } else {
                assertTrue(line.path("error").isMissingNode(), line::toString);
                assertEquals(200, r.path("status").asInt());
                assertEquals(line.path("rulesetVersion").asText(), r.path("rulesetVersion").asText());
                assertEquals(Json.mapper().readTree(items.get(i)), r.path("request"));
                assertEquals(line.path("decision"), r.path("decision"));
                assertEquals(line.path("trace"), r.path("trace"));
                assertTrue(r.path("trace").size() > 0, "the rows that fired are on record");
                assertTrue(r.path("durationMicros").isIntegralNumber() && r.path("durationMicros").asLong() >= 0, r::toString);
                assertTrue(r.path("problem").isNull() && r.path("bodyPrefix").isMissingNode(), r::toString);
            }
        }

        Reply export = read("/api/v1/audit/decisions?domain=returns&caller=" + caller + "&format=ndjson", CRM_TOKEN);
        Set<String> recorded = new HashSet<>();
        int refused = 0;
        for (String line : export.body().split("\n")) {
            JsonNode r = parse(line);
            recorded.add(r.path("decisionId").asText());
            refused += r.path("status").asInt() >= 400 ? 1 : 0;
        }
        assertEquals(items.size(), recorded.size(), "one record per item sent, no more");
        assertEquals(answeredIds, recorded);
        assertEquals(1, refused);
    }

    @Test
    void aDomainThatOptedOutLeavesNothingOnRecord() {
        JsonNode example = null;
        for (JsonNode domain : read("/api/v1/domains", CRM_TOKEN).json()) {
            if (domain.path("id").asText().equals(OPTED_OUT)) {
                example = domain.path("exampleRequest");
            }
        }
        assertTrue(example != null && example.isObject(), "the catalogue has an example " + OPTED_OUT + " request");
        Reply single = http.postJson("/api/v1/decisions/" + OPTED_OUT, example.toString());
        assertEquals(200, single.status(), single::toString);
        Reply batch = http.post("/api/v1/decisions/" + OPTED_OUT + "/batch", "application/x-ndjson",
                HttpRequest.BodyPublishers.ofString(example + "\n" + example + "\n"));
        assertEquals(200, batch.status(), batch::toString);

        assertEquals(404, read("/api/v1/audit/decisions/" + single.requestId(), CRM_TOKEN).status());
        for (String line : batch.body().split("\n")) {
            String id = parse(line).path("decisionId").asText();
            assertTrue(!id.isEmpty(), line);
            assertEquals(404, read("/api/v1/audit/decisions/" + id, CRM_TOKEN).status());
        }
        assertEquals(0, read("/api/v1/audit/decisions?domain=" + OPTED_OUT, CRM_TOKEN).json().path("records").size());
    }

    private static String compact(String json) {
        return parse(json).toString();
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
