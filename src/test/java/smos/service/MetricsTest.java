package smos.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainRegistry;
import smos.returns.ReturnsDomain;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Prometheus text: reloads by outcome, decisions by status with a cumulative latency histogram. */
class MetricsTest {
    @TempDir
    Path home;

    @Test
    void reloadsAreCountedByTriggerAndOutcome() {
        TestHomes.copyOfShipped(home);
        Metrics metrics = new Metrics();
        DomainRegistry registry = new DomainRegistry(home, List.of(new ReturnsDomain()));
        registry.listen(metrics);
        registry.load("returns");
        Path xlsx = home.resolve("decision-tables/returns/returns-policy.xlsx");
        Workbooks.set(xlsx, "Warranty", Workbooks.cellOf(xlsx, "Warranty", "NewSwitchWarranty", "Warranty"), "sixty");
        registry.load("returns");

        String text = metrics.prometheus();

        assertTrue(text.contains("smos_reloads_total{domain=\"returns\",trigger=\"disk\",outcome=\"accepted\"} 1"), text);
        assertTrue(text.contains("smos_reloads_total{domain=\"returns\",trigger=\"start-up\",outcome=\"rejected\"} 1"), text);
    }

    @Test
    void theLatencyHistogramIsCumulative() {
        Metrics metrics = new Metrics();
        metrics.decision("returns", 200, 40_000);        // 40 us
        metrics.decision("returns", 200, 3_000_000);     // 3 ms
        metrics.decision("returns", 400, 2_000_000_000L); // 2 s, past every bucket

        String text = metrics.prometheus();

        assertTrue(text.contains("smos_decision_seconds_bucket{domain=\"returns\",le=\"0.00005\"} 1"), text);
        assertTrue(text.contains("smos_decision_seconds_bucket{domain=\"returns\",le=\"0.005\"} 2"), text);
        assertTrue(text.contains("smos_decision_seconds_bucket{domain=\"returns\",le=\"1\"} 2"), text);
        assertTrue(text.contains("smos_decision_seconds_bucket{domain=\"returns\",le=\"+Inf\"} 3"), text);
        assertTrue(text.contains("smos_decision_seconds_count{domain=\"returns\"} 3"), text);
        assertTrue(text.contains("smos_decisions_total{domain=\"returns\",status=\"400\"} 1"), text);
        assertTrue(text.contains("smos_decision_errors_total{domain=\"returns\",status=\"400\"} 1"), text);
    }
}
