package smos.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.failure.ConflictException;
import smos.publish.ChangeSet;
import smos.publish.HistoryEntry;
import smos.publish.Publication;
import smos.publish.PublishResult;
import smos.publish.StoreUnavailableException;
import smos.testing.PostgresCluster;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The PostgreSQL rule store with real replicas in process (each its own registry, gate, manager and
 * pool) on a database of its own per test.
 */
class SharedRuleStoreTest {
    /** Generous: the machine runs other builds; the store itself answers in milliseconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path home;
    private StoreAddress address;
    private String shipped;

    @BeforeEach
    void seed(TestInfo test) {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        address = new StoreAddress(PostgresCluster.shared().createDatabase("rules_" + test.getTestMethod().orElseThrow()
                .getName()), PostgresCluster.USER, null);
        shipped = DomainLayout.read(home, "returns").version();
    }

    private Replica imported() {
        Replica seeder = new Replica(home, address);
        List<String> lines = StoreTransfer.importFolder(home, seeder.store, seeder.registry, seeder.gate, "ops", false);
        assertTrue(lines.get(0).contains("imported"), lines.toString());
        return seeder;
    }

    /** The fee change: the opened-unit restocking fee at 20%, with the expectations worked out for it. */
    private ChangeSet twentyPercent() {
        return new ChangeSet().put("returns-policy.xlsx", ReturnsChanges.policyWithFee(dir, 0.20))
                .put("change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent()).message("fee to 20%");
    }

    private String versionWith(ChangeSet changes) {
        Map<String, byte[]> puts = new java.util.HashMap<>();
        changes.puts().forEach((name, bytes) -> puts.put(smos.publish.DomainFiles.pathFor("returns", name), bytes));
        return DomainLayout.read(home, "returns").with(puts, Set.of()).version();
    }

    @Test
    void publishRollbackAndHistoryLiveInTheStore() {
        try (Replica seeder = imported(); Replica replica = new Replica(home, address).start()) {
            assertEquals(shipped, replica.serving());
            assertEquals("store", replica.servingFrom());

            ChangeSet change = twentyPercent();
            PublishResult published = replica.manager.publish("returns", change, smos.publish.Caller.publisher("rita"), shipped);
            assertEquals(versionWith(change), published.version());
            assertEquals(published.version(), replica.serving());
            assertEquals(published.version(), replica.store.active("returns").orElseThrow());

            PublishResult rolledBack = replica.manager.rollback("returns", shipped, smos.publish.Caller.publisher("rita"),
                    published.version());
            assertEquals(shipped, rolledBack.version());
            assertEquals(shipped, replica.store.active("returns").orElseThrow());

            List<HistoryEntry> history = seeder.store.history("returns");
            assertEquals(List.of("import", "publish", "rollback"), history.stream().map(HistoryEntry::action).toList());
            assertEquals(List.of(shipped, published.version(), shipped), history.stream().map(HistoryEntry::version).toList());
            assertEquals(java.util.Arrays.asList(null, shipped, published.version()),
                    history.stream().map(HistoryEntry::previousVersion).toList());
            assertEquals("rita", history.get(1).publishedBy());
            assertTrue(history.stream().allMatch(HistoryEntry::intact));
            assertEquals(published.version(), seeder.store.bundle("returns", history.get(1)).version());
            assertTrue(seeder.store.gateRecord("returns", published.version()).isPresent(),
                    "the replica that took the publish recorded its gate");
            assertEquals(List.of(), seeder.store.check());
        }
    }

    @Test
    void aPublishOnAStaleBaseIs409AndChangesNothing() {
        try (Replica seeder = imported(); Replica a = new Replica(home, address).start()) {
            PublishResult won = a.manager.publish("returns", twentyPercent(), smos.publish.Caller.publisher("rita"), shipped);
            List<HistoryEntry> before = seeder.store.history("returns");
            DomainBundle other = DomainLayout.read(home, "returns").with(Map.of(ReturnsChanges.CHANGE_OF_MIND,
                    "# another change\n".getBytes(StandardCharsets.UTF_8)), Set.of());

            assertThrows(ConflictException.class, () -> seeder.store.record(new Publication(other, shipped, "publish",
                    "sam", null, List.of(), null, false)));

            assertEquals(won.version(), seeder.store.active("returns").orElseThrow());
            assertEquals(before, seeder.store.history("returns"));
            assertTrue(seeder.store.history("returns").stream().noneMatch(e -> e.version().equals(other.version())));
        }
    }

    @Test
    void ofTwoConcurrentPublishesOnOneBaseOneWinsAndTheOtherIs409() throws Exception {
        try (Replica seeder = imported()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (String who : List.of("rita", "sam")) {
                DomainBundle bundle = DomainLayout.read(home, "returns").with(Map.of(ReturnsChanges.CHANGE_OF_MIND,
                        ("# by " + who + "\n").getBytes(StandardCharsets.UTF_8)), Set.of());
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return seeder.store.record(new Publication(bundle, shipped, "publish", who, null, List.of(), null,
                                false)).version();
                    } catch (ConflictException e) {
                        return "409";
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            pool.shutdown();
            assertEquals(1, results.stream().filter("409"::equals).count(), results.toString());
            String winner = results.stream().filter(r -> !r.equals("409")).findFirst().orElseThrow();
            assertEquals(winner, seeder.store.active("returns").orElseThrow());
            assertEquals(2, seeder.store.history("returns").size(), "the import and the winner only");
        }
    }

    @Test
    void importRefusesAStoreThatHasVersionsAndExportGivesBackTheFolder() throws Exception {
        try (Replica seeder = imported()) {
            assertThrows(StoreTransfer.ImportRefused.class, () -> StoreTransfer.importFolder(home, seeder.store,
                    seeder.registry, seeder.gate, "ops", false));
            assertEquals(1, seeder.store.history("returns").size());

            Path exported = dir.resolve("exported");
            StoreTransfer.exportTo(exported, seeder.store);
            DomainBundle original = DomainLayout.read(home, "returns");
            DomainBundle back = DomainLayout.read(exported, "returns");
            assertEquals(original.hashes(), back.hashes());
            assertEquals(original.version(), back.version());
            assertThrows(IllegalArgumentException.class, () -> StoreTransfer.exportTo(exported, seeder.store),
                    "an export never writes over a folder with content");
        }
    }

    @Test
    void aReplicaOnAnEmptyStoreServesNothingAndSaysToImport() {
        try (Replica replica = new Replica(home, address)) {
            assertTrue(replica.store.empty());
            replica.start();
            assertEquals(null, replica.serving());
            String problem = replica.registry.state("returns").orElseThrow().lastRejection().problems().get(0).toString();
            assertTrue(problem.contains("smos store import"), problem);
        }
    }

    @Test
    void anotherReplicaServesAPublishThroughTheNotification() {
        try (Replica seeder = imported(); Replica a = new Replica(home, address).start();
             Replica b = new Replica(home, address).start().following(Duration.ofHours(1))) {
            assertEquals(shipped, b.serving());
            PublishResult published = a.manager.publish("returns", twentyPercent(), smos.publish.Caller.publisher("rita"), shipped);
            awaitServing(b, published.version(), "a notification (the poll is an hour away)");
            assertEquals("store", b.servingFrom());
        }
    }

    @Test
    void aReplicaThatMissedTheNotificationCatchesUpByPolling() throws Exception {
        try (Replica seeder = imported(); Replica a = new Replica(home, address).start();
             Replica b = new Replica(home, address).start().following(Duration.ofSeconds(1))) {
            awaitTrue(() -> listeners() == 1, "b listens");
            // b's listening connection is cut: the NOTIFY of this publish reaches nobody
            terminateListeners();
            PublishResult published = a.manager.publish("returns", twentyPercent(), smos.publish.Caller.publisher("rita"), shipped);
            awaitServing(b, published.version(), "the poll");
        }
    }

    @Test
    void withTheDatabaseAwayAReplicaServesWhatItHasRefusesChangesAndCatchesUpAfter() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        try (Replica seeder = imported(); Replica a = new Replica(home, address).start();
             Replica b = new Replica(home, address).start().following(Duration.ofSeconds(1))) {
            io.javalin.Javalin app = smos.api.ApiServer.create(b.service, b.manager, new smos.service.Metrics(),
                    smos.api.ApiSettings.defaults()).start(0);
            cluster.stop();
            try {
                awaitTrue(() -> b.store.unavailable().isPresent(), "b notices the store is away");
                String health = http("http://localhost:" + app.port() + "/health");
                assertTrue(health.contains("\"DEGRADED\"") && health.contains("the rule store cannot be reached"), health);
                assertEquals(shipped, b.serving(), "b serves its last good version");
                assertThrows(StoreUnavailableException.class, () -> b.manager.publish("returns", twentyPercent(),
                        smos.publish.Caller.publisher("rita"), shipped));
                assertEquals(shipped, b.serving());
            } finally {
                cluster.start();
            }
            PublishResult published = a.manager.publish("returns", twentyPercent(), smos.publish.Caller.publisher("rita"), shipped);
            awaitServing(b, published.version(), "b, once the store is back");
            awaitTrue(() -> b.store.unavailable().isEmpty(), "b reports the store reachable again");
            String health = http("http://localhost:" + app.port() + "/health");
            assertFalse(health.contains("the rule store cannot be reached"), health);
            app.stop();
        }
    }

    private static String http(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private long listeners() throws Exception {
        try (Connection c = DriverManager.getConnection(address.url(), PostgresCluster.USER, "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                     + StoreFollower.APPLICATION_NAME + "' AND datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void terminateListeners() throws Exception {
        try (Connection c = DriverManager.getConnection(address.url(), PostgresCluster.USER, "");
             Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + StoreFollower.APPLICATION_NAME + "' AND datname = current_database()");
        }
    }

    private static void awaitServing(Replica replica, String version, String how) {
        awaitTrue(() -> version.equals(replica.serving()), "the replica serves " + version + " through " + how);
        assertNotEquals(null, replica.serving());
    }

    private static void awaitTrue(ThrowingCheck check, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            smos.testing.SmosProcess.sleep(50);
        }
        fail("not within " + DEADLINE + ": " + what);
    }

    interface ThrowingCheck {
        boolean ok() throws Exception;
    }
}
