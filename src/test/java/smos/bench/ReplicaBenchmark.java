package smos.bench;

import smos.store.ReplicaProcess;
import smos.testing.PostgresCluster;
import smos.testing.SmosProcess;
import smos.testing.TestHomes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replicas on PostgreSQL, measured with the packaged jar as an operator runs it:
 * <ul>
 *   <li>publish-to-served: 20 publishes of the returns domain, on replica a, b and c in turn; for each,
 *   the time from the publish's answer until all three replicas serve the new version (each polled
 *   every 10 ms through /api/v1/rulesets); median and worst;</li>
 *   <li>decisions per second, one server with the local store and one replica with the PostgreSQL store
 *   (the other two stopped), 8 client threads posting returns decisions for {@code SECONDS} each, in
 *   two alternating rounds so that the spread shows the noise.</li>
 * </ul>
 * {@code java ... smos.bench.ReplicaBenchmark OUT [SECONDS]} (from the repository root, after
 * {@code mvn package}); starts its own throwaway PostgreSQL cluster.
 */
public final class ReplicaBenchmark {
    private static final int PUBLISHES = 20;
    private static final int CLIENTS = 8;
    private static final String CLAIM = "{\"claim\": {\"claimId\": \"B-%d\", \"productLine\": \"CONSUMER_ROUTER\", "
            + "\"condition\": \"NEW\", \"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\", "
            + "\"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true, "
            + "\"registered\": false}}";

    private ReplicaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path work = Files.createTempDirectory("smos-bench-replicas-");
        String url = PostgresCluster.shared().createDatabase("bench_replicas_" + ProcessHandle.current().pid());
        Path home = ReplicaProcess.returnsHome(work);
        ReplicaProcess.Result imported = ReplicaProcess.storeCommand(work, "import", home, url);
        if (imported.exitCode() != 0) {
            throw new IllegalStateException("smos store import failed: " + imported.output());
        }
        List<String> report = new ArrayList<>();
        report.add("load before: " + Files.readString(Path.of("/proc/loadavg")).strip());
        List<ReplicaProcess> replicas = new ArrayList<>();
        try {
            for (String name : List.of("a", "b", "c")) {
                replicas.add(new ReplicaProcess(name, work, home, url).start());
            }
            report.add(publishToServed(replicas));
            replicas.get(1).close();
            replicas.get(2).close();

            ReplicaProcess pg = replicas.get(0);
            SmosProcess local = new SmosProcess(home, work.resolve("local-history"), java.util.Map.of(), "--no-watch",
                    "--audit", "off");
            List<Double> localRounds = new ArrayList<>();
            List<Double> storeRounds = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                storeRounds.add(decisionsPerSecond(pg.smos.baseUrl(), seconds));
                pg.smos.stop();
                local.start();
                localRounds.add(decisionsPerSecond(local.baseUrl(), seconds));
                local.stop();
                pg.smos.start();
            }
            report.add("decisions/s local store: " + rounds(localRounds));
            report.add("decisions/s postgresql store: " + rounds(storeRounds));
        } finally {
            replicas.forEach(ReplicaProcess::close);
        }
        report.add("load after: " + Files.readString(Path.of("/proc/loadavg")).strip());
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.exit(0); // the cluster's shutdown hook stops PostgreSQL
    }

    private static String publishToServed(List<ReplicaProcess> replicas) throws IOException {
        String scenarios = Files.readString(TestHomes.REPO.resolve(ReplicaProcess.CHANGE_OF_MIND));
        List<Long> latencies = new ArrayList<>();
        for (int i = 1; i <= PUBLISHES; i++) {
            ReplicaProcess on = replicas.get(i % replicas.size());
            ReplicaProcess.Reply reply = on.send(on.publishScenarios(scenarios + "\n# bench publish " + i + "\n",
                    on.base()));
            if (reply.status() != 200) {
                throw new IllegalStateException("publish " + i + " on " + on.name + ": " + reply.status() + " " + reply.body());
            }
            String version = reply.body().path("version").asText();
            long[] served = new long[replicas.size()];
            int waiting = replicas.size();
            long deadline = reply.receivedNanos() + Duration.ofSeconds(60).toNanos();
            while (waiting > 0 && System.nanoTime() < deadline) {
                for (int r = 0; r < replicas.size(); r++) {
                    if (served[r] == 0 && version.equals(replicas.get(r).serving())) {
                        served[r] = System.nanoTime();
                        waiting--;
                    }
                }
                SmosProcess.sleep(10);
            }
            if (waiting > 0) {
                throw new IllegalStateException("publish " + i + ": not served by every replica within 60 s");
            }
            long worst = 0;
            for (long at : served) {
                worst = Math.max(worst, (at - reply.receivedNanos()) / 1_000_000);
            }
            latencies.add(worst);
            System.err.printf("publish %d on %s: served by all three %d ms after its answer%n", i, on.name, worst);
        }
        Collections.sort(latencies);
        return String.format(Locale.ROOT, "publish-to-served across 3 replicas: %d publishes median %d ms worst %d ms",
                PUBLISHES, latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
    }

    /** {@link #CLIENTS} threads posting decisions for 3 s (warm-up), then for {@code seconds}; 200s a second. */
    private static double decisionsPerSecond(String baseUrl, int seconds) throws InterruptedException {
        run(baseUrl, 3);
        double perSecond = run(baseUrl, seconds);
        System.err.printf(Locale.ROOT, "%s: %.0f decisions/s%n", baseUrl, perSecond);
        return perSecond;
    }

    private static double run(String baseUrl, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int n = 0; running.get(); n++) {
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/decisions/returns"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(CLAIM.formatted(n))).build(),
                                HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 200 ? answered : failed).incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long count = answered.get();
        for (Thread t : threads) {
            t.join(30_000);
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " decisions failed on " + baseUrl);
        }
        return count / elapsed;
    }

    private static String rounds(List<Double> rounds) {
        double mean = rounds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "mean %.0f rounds", mean));
        rounds.forEach(r -> text.append(String.format(Locale.ROOT, " %.0f", r)));
        return text.toString();
    }
}
