package smos.api;

import org.junit.jupiter.api.Test;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.HttpHarness.Reply;
import smos.testing.Services;
import smos.testing.SlowBodyAttack;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 slow-body connections (Content-Length 100000, a byte every 3 s) from 20 addresses other than
 * 127.0.0.1, held for 60 s: the well-behaved client on 127.0.0.1 keeps getting its decisions,
 * each within a generous deadline. The server's defaults do it: a body that arrives too slowly is cut
 * off, and one address holds only a few threads.
 */
class SlowClientsTest {
    private static final long ATTACK_MILLIS = 60_000;
    /** Generous: a decision takes milliseconds; only a server whose threads are all held misses this. */
    private static final long DEADLINE_MILLIS = 5_000;

    @Test
    void normalDecisionsKeepSucceedingDuringASlowBodyAttack() {
        try (HttpHarness http = new HttpHarness(Services.shipped(), ApiSettings.defaults(), new Metrics());
             SlowBodyAttack attack = new SlowBodyAttack(http.port(), 1_000, 50, 3_000)) {
            assertEquals(200, http.postJson("/api/v1/decisions/returns", BatchItemLimitsTest.claim("WARM")).status());
            attack.start();
            List<String> failures = new ArrayList<>();
            int decided = 0;
            int minOpen = Integer.MAX_VALUE;
            long end = System.currentTimeMillis() + ATTACK_MILLIS;
            while (System.currentTimeMillis() < end) {
                long started = System.nanoTime();
                Reply reply = http.postJson("/api/v1/decisions/returns", BatchItemLimitsTest.claim("S-" + decided));
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (reply.status() != 200 || millis > DEADLINE_MILLIS) {
                    failures.add(reply.status() + " after " + millis + " ms");
                } else {
                    assertEquals("REFUND", reply.json().at("/decision/outcome").asText());
                    decided++;
                }
                minOpen = Math.min(minOpen, attack.open());
                smos.testing.SmosProcess.sleep(100);
            }
            System.out.printf("slow-body attack: %d decisions, %d failed; attack connections open at least %d, "
                    + "%d reopened after the server closed them%n", decided, failures.size(), minOpen, attack.reconnects());
            assertTrue(failures.isEmpty(), failures.size() + " decisions failed or were late: " + failures);
            assertTrue(decided >= 100, "only " + decided + " decisions in " + ATTACK_MILLIS + " ms");
            assertTrue(minOpen >= 900, "the attack held only " + minOpen + " connections at one point");
        }
    }
}
