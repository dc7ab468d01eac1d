package smos.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.testing.PostgresCluster;
import smos.testing.SmosProcess;
import smos.testing.TestHomes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Three {@code smos serve --store URL} replicas (the packaged jar, child processes) on one PostgreSQL
 * database: a store is seeded once by {@code smos store import}, a publish on any replica is served by
 * all three, and of two concurrent publishes on one base one wins and the other gets 409.
 */
class SharedStoreReplicasIT {
    private static final int PUBLISHES = 21;
    /** Generous: three JVMs and a database on a machine that runs other builds; the figure is printed. */
    private static final long SERVED_DEADLINE_MILLIS = 30_000;

    @TempDir
    Path work;

    @Test
    void threeReplicasServeEveryPublishAndRefuseTheSecondOfTwoConcurrentOnes() throws Exception {
        String url = PostgresCluster.shared().createDatabase("replicas_it");
        Path home = ReplicaProcess.returnsHome(work);

        try (ReplicaProcess early = new ReplicaProcess("early", work, home, url)) {
            try {
                early.start();
                fail("a replica on an empty store must not start");
            } catch (IllegalStateException e) {
                assertTrue(e.getMessage().contains("smos store import"), e.getMessage());
            }
        }
        ReplicaProcess.Result imported = ReplicaProcess.storeCommand(work, "import", home, url);
        assertEquals(0, imported.exitCode(), imported.output());
        ReplicaProcess.Result again = ReplicaProcess.storeCommand(work, "import", home, url);
        assertEquals(1, again.exitCode(), "a store with versions is not seeded again: " + again.output());

        List<ReplicaProcess> replicas = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            replicas.add(new ReplicaProcess(name, work, home, url));
        }
        ExecutorService starting = Executors.newFixedThreadPool(3); // together: Flyway's lock, not a race
        try {
            List<Future<ReplicaProcess>> started = new ArrayList<>();
            replicas.forEach(r -> started.add(starting.submit(r::start)));
            for (Future<ReplicaProcess> f : started) {
                f.get();
            }
            for (ReplicaProcess r : replicas) {
                long lineDeadline = System.nanoTime() + 60_000_000_000L; // the line follows the port opening
                while (!r.smos.output().contains("SMOS serves") && System.nanoTime() < lineDeadline) {
                    SmosProcess.sleep(50);
                }
                assertTrue(r.smos.output().contains("rules and history in the store " + url), r.smos.output());
                assertFalse(r.smos.output().contains(ReplicaProcess.PASSWORD), "the password is never printed");
            }
            String seeded = smos.engine.DomainLayout.read(home, "returns").version();
            for (ReplicaProcess r : replicas) {
                assertEquals(seeded, r.serving(), "replica " + r.name + " serves the imported version");
            }

            String scenarios = Files.readString(TestHomes.REPO.resolve(ReplicaProcess.CHANGE_OF_MIND));
            List<Long> latencies = new ArrayList<>();
            for (int i = 1; i <= PUBLISHES; i++) {
                ReplicaProcess on = replicas.get(i % 3);
                ReplicaProcess.Reply reply = on.send(on.publishScenarios(scenarios + "\n# publish " + i + "\n", on.base()));
                assertEquals(200, reply.status(), "publish " + i + " on " + on.name + ": " + reply.body());
                String version = reply.body().path("version").asText();
                long worst = 0;
                for (ReplicaProcess r : replicas) {
                    worst = Math.max(worst, awaitServing(r, version, reply.receivedNanos()));
                }
                latencies.add(worst);
                System.out.printf("publish %d on %s: version %s served by all three %d ms after the answer%n", i, on.name,
                        version, worst);
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("publish-to-served across three replicas over %d publishes: median %d ms, worst %d ms%n",
                    PUBLISHES, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));

            String base = replicas.get(0).base();
            CompletableFuture<ReplicaProcess.Reply> first = CompletableFuture.supplyAsync(() -> replicas.get(0)
                    .send(replicas.get(0).publishScenarios(scenarios + "\n# rita's\n", base)));
            CompletableFuture<ReplicaProcess.Reply> second = CompletableFuture.supplyAsync(() -> replicas.get(1)
                    .send(replicas.get(1).publishScenarios(scenarios + "\n# sam's\n", base)));
            List<Integer> statuses = new ArrayList<>(List.of(first.get().status(), second.get().status()));
            Collections.sort(statuses);
            assertEquals(List.of(200, 409), statuses, first.get().body() + " / " + second.get().body());
            ReplicaProcess.Reply won = first.get().status() == 200 ? first.get() : second.get();
            String winner = won.body().path("version").asText();
            for (ReplicaProcess r : replicas) {
                awaitServing(r, winner, won.receivedNanos());
            }
            assertEquals(replicas.get(0).history(), replicas.get(1).history(), "the same history on a and b");
            assertEquals(replicas.get(0).history(), replicas.get(2).history(), "the same history on a and c");
            assertEquals(1 + PUBLISHES + 1, replicas.get(0).history().size(),
                    "the import, the publishes and the winner: the refused one left nothing");

            Path exported = work.resolve("exported");
            ReplicaProcess.Result export = ReplicaProcess.storeCommand(work, "export", exported, url);
            assertEquals(0, export.exitCode(), export.output());
            assertEquals(winner, smos.engine.DomainLayout.read(exported, "returns").version(),
                    "the export holds exactly the files of the active version");
        } finally {
            starting.shutdownNow();
            replicas.forEach(ReplicaProcess::close);
        }
    }

    /** Milliseconds from the publish's answer until the replica serves the version. */
    private static long awaitServing(ReplicaProcess replica, String version, long answeredNanos) {
        long deadline = answeredNanos + SERVED_DEADLINE_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (version.equals(replica.serving())) {
                return (System.nanoTime() - answeredNanos) / 1_000_000;
            }
            SmosProcess.sleep(20);
        }
        throw new AssertionError("replica " + replica.name + " does not serve " + version + " within "
                + SERVED_DEADLINE_MILLIS + " ms; it serves " + replica.serving() + "\n" + replica.smos.output());
    }
}
