package smos.engine;

import org.junit.jupiter.api.Test;
import smos.bench.BenchRequests;
import smos.service.DecisionService;
import smos.testing.Services;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions are reused, and Drools keeps the matches an activation group cancelled in a reused session;
 * recycling sessions must keep memory flat over many decisions whose first-match tables cancel rows.
 */
class SessionRecyclingTest {
    private static final int DECISIONS = 60_000;

    @Test
    void manyFirstMatchDecisionsLeaveNoMemoryBehind() {
        DecisionService service = Services.shipped();
        List<byte[]> mix = BenchRequests.json("returns");
        for (int i = 0; i < 2_000; i++) {
            service.decide("returns", mix.get(i % mix.size()));
        }
        long before = usedAfterGc();
        for (int i = 0; i < DECISIONS; i++) {
            service.decide("returns", mix.get(i % mix.size()));
        }
        long grown = usedAfterGc() - before;
        // without recycling this grew by about 560 bytes a decision: 30 MB here
        assertTrue(grown < 8L * 1024 * 1024, "heap grew by " + grown / 1024 + " KB over " + DECISIONS + " decisions");
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
