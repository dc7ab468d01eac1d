package smos.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.testing.TestHomes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The crash test: 30 publishes and rollbacks against the packaged server, killed with SIGKILL at
 * seeded random moments (the seed and every moment are printed; rerun one with
 * {@code -Dsmos.crash.seed=N}). After every kill and restart: the version serving passed the gate
 * (there is its gate record, and it decides as its own scenarios say), every history entry parses,
 * every stored file hashes to its name, and every publish answered 2xx is in the history.
 */
class StoreCrashIT {
    private static final int OPERATIONS = 30;

    @TempDir
    Path work;

    @Test
    void killedAtRandomMomentsItServesOnlyGatedVersionsAndLosesNoAnsweredPublish() throws Exception {
        long seed = Long.getLong("smos.crash.seed", System.currentTimeMillis());
        System.out.println("crash test seed " + seed + " (rerun with -Dsmos.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        byte[] policy15 = Files.readAllBytes(TestHomes.REPO.resolve(StoreProcess.POLICY));
        byte[] policy20 = StoreProcess.policyWithFee(work, 0.2);
        byte[] scenarios15 = Files.readAllBytes(TestHomes.REPO.resolve(StoreProcess.CHANGE_OF_MIND));
        byte[] scenarios20 = StoreProcess.scenariosForTwentyPercent();
        String damage = Files.readString(TestHomes.REPO.resolve(StoreProcess.DAMAGE));

        try (StoreProcess server = new StoreProcess(work, work.resolve("history"))) {
            server.smos.start();
            List<String> answered = new ArrayList<>();
            answered.add(server.ruleset().path("activeVersion").asText());
            long typicalMillis = 1000;
            int kills = 0;
            for (int op = 1; op <= OPERATIONS; op++) {
                boolean rollback = op % 3 == 0;
                String what;
                CompletableFuture<StoreProcess.Reply> reply;
                if (rollback) {
                    String target = answered.get(random.nextInt(answered.size()));
                    what = "rollback to " + target;
                    reply = server.sendAsync(server.rollback(target));
                } else {
                    boolean twenty = random.nextBoolean();
                    Map<String, byte[]> files = new LinkedHashMap<>();
                    files.put("returns-policy.xlsx", twenty ? policy20 : policy15);
                    files.put("change-of-mind.yaml", twenty ? scenarios20 : scenarios15);
                    files.put("damage.yaml", (damage + "\n# publish " + op + "\n").getBytes(StandardCharsets.UTF_8));
                    what = "publish of the " + (twenty ? "20%" : "15%") + " fee";
                    reply = server.sendAsync(server.publish(files, "op " + op));
                }
                long started = System.nanoTime();
                boolean kill = random.nextInt(3) == 0; // a third of them: each restart compiles the domain again
                long moment = kill ? random.nextInt((int) Math.max(20, typicalMillis * 6 / 5)) : -1;
                if (kill) {
                    Thread.sleep(moment);
                    server.smos.kill();
                    kills++;
                }
                StoreProcess.Reply answer = outcome(reply);
                long took = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("op %d: %s: %s%s%n", op, what, answer == null ? "no answer" : "HTTP " + answer.status(),
                        kill ? ", kill -9 after " + moment + " ms" : " in " + took + " ms");
                if (answer != null && answer.status() / 100 == 2) {
                    answered.add(answer.body().path("version").asText());
                    if (!kill) {
                        typicalMillis = took;
                    }
                } else if (answer != null && !kill) {
                    fail("op " + op + " (" + what + ") answered " + answer.status() + ": " + answer.body());
                }
                if (kill) {
                    assertStoreIntact(server, "after the kill of op " + op);
                    server.smos.start();
                }
                assertServesAGatedVersion(server, answered, policy20, "after op " + op);
            }
            System.out.println("crash test: " + OPERATIONS + " operations, " + kills + " kills, "
                    + answered.size() + " answered versions, all in the history");
            assertTrue(kills >= 4, "too few kills to prove anything: " + kills);
        }
    }

    /** The answer, or null when the kill came first. */
    private static StoreProcess.Reply outcome(CompletableFuture<StoreProcess.Reply> reply) throws InterruptedException {
        try {
            return reply.get(300, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return null;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer and no failure within 300 s", e);
        }
    }

    private static void assertStoreIntact(StoreProcess server, String when) throws Exception {
        LocalRuleStore store = new LocalRuleStore(server.home, server.history);
        assertEquals(List.of(), store.check(), "damage " + when);
    }

    private static void assertServesAGatedVersion(StoreProcess server, List<String> answered, byte[] policy20, String when)
            throws Exception {
        assertStoreIntact(server, when);
        JsonNode ruleset = server.ruleset();
        String serving = ruleset.path("activeVersion").asText();
        LocalRuleStore store = new LocalRuleStore(server.home, server.history);
        assertTrue(store.gateRecord("returns", serving).isPresent(), "version " + serving + " serves without a gate record "
                + when + "; rulesets: " + ruleset);

        JsonNode history = server.history();
        Set<String> recorded = new HashSet<>();
        HistoryEntry servingEntry = null;
        for (HistoryEntry entry : store.history("returns")) {
            recorded.add(entry.version());
            if (entry.version().equals(serving)) {
                servingEntry = entry;
            }
        }
        assertEquals(recorded.size() > 0, history.size() > 0);
        for (JsonNode entry : history) {
            assertTrue(entry.path("damaged").isMissingNode(), "a damaged entry " + when + ": " + entry);
        }
        for (String version : answered) {
            assertTrue(recorded.contains(version), "version " + version + " was answered 2xx but is not in the history "
                    + when);
        }
        assertTrue(servingEntry != null, "version " + serving + " serves but is not in the history " + when);

        // never a mix: it decides as the scenarios recorded with it say (the fee of its own table)
        boolean twenty = servingEntry.hashes().get(StoreProcess.POLICY).equals(DomainBundle.sha256(policy20));
        StoreProcess.Reply decided = server.decide();
        assertEquals(200, decided.status());
        assertEquals(serving, decided.body().path("rulesetVersion").asText());
        assertEquals(0, decided.body().at("/decision/restockingFee").decimalValue()
                .compareTo(new BigDecimal(twenty ? "40.00" : "30.00")), "version " + serving + " decides a mix " + when);
        String onDisk = DomainLayout.read(server.home, "returns").version();
        assertTrue(onDisk.equals(serving) || ruleset.path("servingFrom").asText().equals("history"),
                "the files on disk (" + onDisk + ") are not what serves (" + serving + ") " + when + ": " + ruleset);
        try (Stream<Path> files = Files.walk(server.home.resolve("decision-tables"))) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
