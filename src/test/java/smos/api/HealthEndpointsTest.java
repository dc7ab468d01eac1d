package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.audit.AuditLogs;
import smos.audit.DecisionRecorder;
import smos.audit.JdbcAuditLog;
import smos.engine.DomainRegistry;
import smos.returns.ReturnsDomain;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.EchoDomain;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.PostgresCluster;
import smos.testing.Services;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /health/live} and {@code /health/ready}: open when reads are protected; ready only while every
 * domain has a version to serve and the decision log's database answers.
 */
class HealthEndpointsTest {
    private static final String TOKEN = "reader-token-0123456789abcdef";

    @TempDir
    Path home;

    @Test
    void bothAnswer200WhenEveryDomainServesAndStayOpenWhenReadsAreProtected() {
        ApiSettings protectedReads = ApiSettings.defaults().withTokens(Tokens.of(Map.of("reader", TOKEN)))
                .withProtectReads(true);
        try (HttpHarness http = new HttpHarness(Services.shipped(), protectedReads, new Metrics())) {
            assertEquals(401, http.get("/api/v1/domains").status(), "reads are protected");
            Reply live = http.get("/health/live");
            assertEquals(200, live.status(), live::toString);
            assertEquals("LIVE", live.json().path("status").asText());
            Reply ready = http.get("/health/ready");
            assertEquals(200, ready.status(), ready::toString);
            assertEquals("READY", ready.json().path("status").asText());
            assertTrue(ready.json().path("reasons").isMissingNode(), ready::toString);
            assertEquals(200, http.get("/health").status());
        }
    }

    @Test
    void aDomainWithNothingToServeMakesItNotReadyButLive() throws Exception {
        TestHomes.copyOfShipped(home);
        EchoDomain.install(home);
        Path xlsx = home.resolve("decision-tables/returns/returns-policy.xlsx");
        Workbooks.set(xlsx, "Warranty", Workbooks.cellOf(xlsx, "Warranty", "NewSwitchWarranty", "Warranty"), "five years");
        DomainRegistry registry = new DomainRegistry(home, List.of(new ReturnsDomain(), new EchoDomain()));
        registry.loadAll();

        try (HttpHarness http = new HttpHarness(new DecisionService(registry, Map::of))) {
            assertEquals(200, http.get("/health/live").status());
            Reply ready = http.get("/health/ready");
            assertEquals(503, ready.status(), ready::toString);
            assertEquals("NOT_READY", ready.json().path("status").asText());
            assertEquals(1, ready.json().path("reasons").size(), ready::toString);
            assertTrue(ready.json().path("reasons").get(0).asText().contains("domain returns"), ready::toString);
        }
    }

    /** The probe asks the database: it is not ready before any decision has failed to be written. */
    @Test
    void theDecisionLogsDatabaseAwayMakesItNotReadyUntilItIsBack() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        Metrics metrics = new Metrics();
        try (JdbcAuditLog log = JdbcAuditLog.open(AuditLogs.postgresUrl("health_ready"), PostgresCluster.USER, null);
             HttpHarness http = new HttpHarness(Services.shipped(), ApiSettings.defaults(), metrics,
                     new DecisionRecorder(log, true, Set.of(), metrics))) {
            assertEquals(200, http.get("/health/ready").status());
            cluster.stop();
            try {
                Reply ready = http.get("/health/ready");
                assertEquals(503, ready.status(), ready::toString);
                JsonNode reasons = ready.json().path("reasons");
                assertEquals(1, reasons.size(), ready::toString);
                assertTrue(reasons.get(0).asText().contains("decision log"), ready::toString);
                assertEquals(200, http.get("/health/live").status(), "alive all the same");
            } finally {
                cluster.start();
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            Reply ready = http.get("/health/ready");
            while (ready.status() != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                ready = http.get("/health/ready");
            }
            assertEquals(200, ready.status(), "ready again once the database is back: " + ready);
        }
    }
}
