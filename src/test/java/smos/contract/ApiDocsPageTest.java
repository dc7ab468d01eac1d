package smos.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.engine.DecisionDomain;
import smos.service.Metrics;
import smos.testing.HeadlessBrowser;
import smos.testing.HttpHarness;
import smos.testing.Services;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /docs} in a real browser (headless Chromium): Swagger UI, served by SMOS from its webjar, renders
 * the service's own document and shows every domain's operation; with reads protected, the page and the
 * document still open without a token while the data does not.
 */
class ApiDocsPageTest {
    private static HttpHarness http;

    @BeforeAll
    static void start() {
        ApiSettings settings = ApiSettings.defaults().withTokens(Tokens.of(Map.of("ops", "a-long-enough-token-1234")))
                .withProtectReads(true);
        http = new HttpHarness(Services.shipped(), settings, new Metrics());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void theDocsPageRendersEveryDomainsOperation() {
        WebDriver browser = HeadlessBrowser.shared();
        browser.get(http.uri("/docs").toString());
        List<? extends DecisionDomain<?, ?>> domains = List.copyOf(Services.shipped().registry().domains());
        // Swagger UI fetches /openapi.json and renders one block per operation; wait until the last one is there
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector(".opblock")).size()
                >= 2 * domains.size());
        String page = browser.findElement(By.id("swagger-ui")).getText();
        assertTrue(page.contains("SMOS decision service"), "the page does not show the document's title");
        for (DecisionDomain<?, ?> domain : domains) {
            String path = "/api/v1/decisions/" + domain.id();
            assertTrue(page.contains(path), () -> "the docs page does not show " + path);
            assertTrue(page.contains(SchemaNames.operation(domain.id())),
                    () -> "the docs page does not show the operation " + SchemaNames.operation(domain.id()));
        }
    }

    @Test
    void theContractStaysOpenWhenReadsAreProtected() {
        assertEquals(200, http.get("/docs").status());
        assertEquals(200, http.get("/docs/swagger-ui-bundle.js").status());
        assertEquals(200, http.get("/openapi.json").status());
        assertEquals(200, http.get("/").status());
        assertEquals(401, http.get("/api/v1/domains").status(), "the catalogue is data: it needs a token");
        assertEquals(404, http.get("/docs/..%2Fpom.xml").status(), "only the page's own files are served");
    }

    @Test
    void theIndexLinksTheDocsTheDocumentTheDomainsAndHealth() {
        var links = http.get("/").json().path("links");
        assertEquals("/docs", links.path("docs").asText());
        assertEquals("/openapi.json", links.path("openapi").asText());
        assertEquals("/api/v1/domains", links.path("domains").asText());
        assertEquals("/health", links.path("health").asText());
    }
}
