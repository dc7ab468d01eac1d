package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainRegistry;
import smos.returns.ReturnsDomain;
import smos.service.DecisionService;
import smos.testing.EchoDomain;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A domain whose tables do not compile answers 503 with the problems; the other domains keep serving. */
class UnavailableDomainApiTest {
    @TempDir
    Path home;

    @Test
    void aBrokenDomainAnswers503AndTheOthersServe() throws Exception {
        TestHomes.copyOfShipped(home);
        EchoDomain.install(home);
        Path xlsx = home.resolve("decision-tables/returns/returns-policy.xlsx");
        String cell = Workbooks.cellOf(xlsx, "Warranty", "NewSwitchWarranty", "Warranty");
        Workbooks.set(xlsx, "Warranty", cell, "five years");
        DomainRegistry registry = new DomainRegistry(home, List.of(new ReturnsDomain(), new EchoDomain()));
        registry.loadAll();

        try (HttpHarness http = new HttpHarness(new DecisionService(registry, Map::of))) {
            Reply returns = http.postJson("/api/v1/decisions/returns", "{\"claim\": {}}");
            assertEquals(503, returns.status(), returns::toString);
            assertEquals("application/problem+json", returns.contentType());
            JsonNode problem = returns.json().path("problems").get(0);
            assertEquals("decision-tables/returns/returns-policy.xlsx", problem.path("file").asText());
            assertEquals("Warranty", problem.path("sheet").asText());
            assertEquals(cell, problem.path("cell").asText());
            assertTrue(problem.path("message").asText().contains("\"five years\" is not a whole number"), returns::toString);

            Reply echo = http.postJson("/api/v1/decisions/echo", "{\"text\": \"still here\"}");
            assertEquals(200, echo.status(), echo::toString);
            assertEquals("echo still here", echo.json().at("/decision/answer").asText());

            JsonNode health = http.get("/health").json();
            assertEquals("DEGRADED", health.path("status").asText());
            assertEquals("FAILED", health.at("/domains/returns/status").asText());
            assertEquals("ACTIVE", health.at("/domains/echo/status").asText());

            JsonNode rulesets = http.get("/api/v1/rulesets").json();
            JsonNode failed = rulesets.get(0).path("lastRejected");
            assertEquals(cell, failed.at("/problems/0/cell").asText());
        }
    }
}
