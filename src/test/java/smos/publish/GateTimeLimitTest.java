package smos.publish;

import org.junit.jupiter.api.Test;
import smos.engine.CompiledRuleSet;
import smos.engine.DomainRegistry;
import smos.engine.EvaluationStop;
import smos.service.DecisionService;
import smos.testing.TestHomes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's time limit stops the evaluations that run past it, on the real engine. */
class GateTimeLimitTest {
    private static final byte[] CLAIM = """
            {"claim": {"claimId": "C-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                       "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 199.99,
                       "reason": "CHANGED_MIND", "opened": true, "proofOfPurchase": true, "registered": false}}
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void evaluationsPastTheLimitAreRefusedAndStopped() throws Exception {
        DomainRegistry registry = new DomainRegistry(TestHomes.REPO, DomainRegistry.discover().stream()
                .filter(d -> d.id().equals("returns")).toList());
        registry.loadAll();
        DecisionService service = new DecisionService(registry, Map::of);
        CompiledRuleSet returns = registry.state("returns").orElseThrow().active();
        AtomicLong decided = new AtomicLong();
        AtomicReference<Throwable> ended = new AtomicReference<>();

        // a scenario set that never ends: decisions one after another, as a gate runs them
        ChangeRejectedException refused = assertThrows(ChangeRejectedException.class,
                () -> new GateTimer(Duration.ofSeconds(2)).check("returns", () -> {
                    try {
                        while (true) {
                            service.decideWith(returns, CLAIM);
                            decided.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        ended.set(e);
                        throw e;
                    }
                }));

        assertTrue(refused.detail().contains("time limit of 2 s"), refused.detail());
        assertEquals("scenarios/returns", refused.problems().get(0).file());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ended.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertInstanceOf(EvaluationStop.Stopped.class, ended.get(), "the evaluations went on past the limit");
        assertTrue(decided.get() > 0, "nothing was decided before the limit: the test proved nothing");
        // the thread that served decisions before still decides: the stop belonged to the gate's thread only
        assertEquals(returns.version(), service.decideWith(returns, CLAIM).rulesetVersion());
    }
}
