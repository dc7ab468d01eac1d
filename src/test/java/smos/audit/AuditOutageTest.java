package smos.audit;

import org.junit.jupiter.api.Test;
import smos.api.ApiSettings;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.PostgresCluster;
import smos.testing.Services;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit database stopped for real (PostgreSQL shut down immediately): a required log refuses
 * decisions with 503 (a batch item with that problem as its error, and the batch stops) and /health
 * says why; a log that is not required serves them and counts them; both recover when the database
 * is back.
 */
class AuditOutageTest {
    private static final String CLAIM = """
            {"claim": {"claimId": "OUT-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                       "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 99.00,
                       "reason": "CHANGED_MIND", "opened": false, "proofOfPurchase": true, "registered": false}}
            """;

    @Test
    void withTheDatabaseAwayARequiredLogRefusesAndAnOptionalOneCounts() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        String url = AuditLogs.postgresUrl("audit_outage");
        Metrics requiredMetrics = new Metrics();
        Metrics optionalMetrics = new Metrics();
        try (JdbcAuditLog requiredLog = JdbcAuditLog.open(url, PostgresCluster.USER, null);
             JdbcAuditLog optionalLog = JdbcAuditLog.open(url, PostgresCluster.USER, null);
             HttpHarness required = new HttpHarness(Services.shipped(), ApiSettings.defaults(), requiredMetrics,
                     new DecisionRecorder(requiredLog, true, Set.of(), requiredMetrics));
             HttpHarness optional = new HttpHarness(Services.shipped(), ApiSettings.defaults(), optionalMetrics,
                     new DecisionRecorder(optionalLog, false, Set.of(), optionalMetrics))) {
            assertEquals(200, required.postJson("/api/v1/decisions/returns", CLAIM).status());
            assertEquals("UP", required.get("/health").json().path("status").asText());

            cluster.stop();
            try {
                Reply refused = required.postJson("/api/v1/decisions/returns", CLAIM);
                assertEquals(503, refused.status(), refused::toString);
                assertEquals("/problems/audit-unavailable", refused.json().path("type").asText());
                Reply health = required.get("/health");
                assertEquals(200, health.status());
                assertEquals("DEGRADED", health.json().path("status").asText(), () -> refused + " then " + health);
                assertTrue(health.json().path("reasons").get(0).asText().contains("decision log"), health::toString);

                for (int i = 0; i < 3; i++) {
                    Reply served = optional.postJson("/api/v1/decisions/returns", CLAIM);
                    assertEquals(200, served.status(), served::toString);
                }
                assertEquals(3, optionalMetrics.auditUnrecordedCount());
                assertTrue(optional.get("/metrics").body().contains("smos_audit_unrecorded_total 3"));

                // a batch: a required log answers no item it could not record and stops; an optional one serves all
                String items = (compact(CLAIM) + "\n").repeat(4);
                Reply stopped = required.post("/api/v1/decisions/returns/batch", "application/x-ndjson",
                        java.net.http.HttpRequest.BodyPublishers.ofString(items));
                assertEquals(200, stopped.status(), stopped::toString);
                java.util.List<com.fasterxml.jackson.databind.JsonNode> lines = ndjson(stopped.body());
                assertEquals(5, lines.size(), stopped::toString); // four items, then the line that ends the batch
                for (int i = 0; i < 4; i++) {
                    assertEquals("/problems/audit-unavailable", lines.get(i).at("/error/type").asText(), stopped::toString);
                    assertEquals(503, lines.get(i).at("/error/status").asInt());
                    assertTrue(lines.get(i).path("decision").isMissingNode());
                }
                assertTrue(lines.get(4).at("/error/detail").asText().contains("items from index 4 on were not answered"),
                        stopped::toString);
                Reply served = optional.post("/api/v1/decisions/returns/batch", "application/x-ndjson",
                        java.net.http.HttpRequest.BodyPublishers.ofString(items));
                assertEquals(4, ndjson(served.body()).stream().filter(l -> l.has("decision")).count(), served::toString);
                assertEquals(3 + 4, optionalMetrics.auditUnrecordedCount());
            } finally {
                cluster.start();
            }

            Reply recovered = waitFor200(required);
            String id = recovered.requestId();
            assertTrue(requiredLog.find(id).isPresent(), "recorded again once the database is back");
            assertEquals("UP", required.get("/health").json().path("status").asText());
        }
    }

    private static String compact(String json) throws Exception {
        return smos.request.Json.mapper().readTree(json).toString();
    }

    private static java.util.List<com.fasterxml.jackson.databind.JsonNode> ndjson(String body) throws Exception {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(smos.request.Json.mapper().readTree(line));
        }
        return lines;
    }

    private static Reply waitFor200(HttpHarness http) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            last = http.postJson("/api/v1/decisions/returns", CLAIM);
            if (last.status() == 200) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("decisions were not recorded again within 60 s of the database's return: " + last);
    }
}
