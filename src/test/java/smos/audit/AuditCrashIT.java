package smos.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import smos.request.Json;
import smos.testing.PostgresCluster;
import smos.testing.SmosProcess;
import smos.testing.TestHomes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the packaged server under four busy clients and one sending batches, then a
 * restart: every decision a client got a 200 for, and every batch item whose result line it read, is
 * in the log. On the default H2 file database and on PostgreSQL.
 */
class AuditCrashIT {
    private static final String TOKEN = "auditor-token-0123456789abcdef";
    private static final String CLAIM = """
            {"claim": {"claimId": "K-%d-%d", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                       "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 199.99,
                       "reason": "CHANGED_MIND", "opened": true, "proofOfPurchase": true, "registered": false}}
            """;

    /** The fifth client sends batches and counts each result line it reads as answered. */
    private static final int BATCH_CLIENT = 4;
    private static final int BATCH_ITEMS = 200;

    @TempDir
    Path work;

    static List<String> backends() {
        return List.of("default", "postgresql");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyAnsweredDecisionSurvivesKill9(String backend) throws Exception {
        Path home = TestHomes.copyOfShipped(Files.createDirectories(work.resolve("home")));
        Path tokens = Files.writeString(work.resolve("tokens"), "auditor=" + TOKEN + "\n");
        String audit = backend.equals("default") ? "default"
                : AuditLogs.postgresUrl("audit_crash");
        List<String> args = new ArrayList<>(List.of("--token-file", tokens.toString(), "--no-watch", "--audit", audit));
        if (!backend.equals("default")) {
            args.addAll(List.of("--audit-user", PostgresCluster.USER));
        }
        SmosProcess smos = new SmosProcess(home, work.resolve("history"), Map.of(), args.toArray(String[]::new)).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        try {
            for (int c = 0; c < 5; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    for (int n = 0; running.get(); n++) {
                        try {
                            if (client == BATCH_CLIENT) {
                                batch(http, smos.baseUrl(), n, answered);
                                continue;
                            }
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                            URI.create(smos.baseUrl() + "/api/v1/decisions/returns"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(CLAIM.formatted(client, n))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                answered.add(Json.mapper().readTree(r.body()).path("decisionId").asText());
                            }
                        } catch (IOException e) {
                            // the server was killed mid-request: this request got no 200
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                t.start();
                clients.add(t);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while ((answered.size() < 300 || batchAnswered(answered) == 0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            smos.kill();
            running.set(false);
            for (Thread t : clients) {
                t.join(10_000);
            }
            System.out.println("AuditCrashIT[" + backend + "]: killed after " + answered.size() + " answered decisions, "
                    + batchAnswered(answered) + " of them batch items");
            assertTrue(batchAnswered(answered) > 0, "the batch client was answered before the kill");

            smos.start();
            Set<String> recorded = new HashSet<>();
            HttpResponse<String> export = http.send(HttpRequest.newBuilder(
                            URI.create(smos.baseUrl() + "/api/v1/audit/decisions?domain=returns&format=ndjson"))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, export.statusCode(), export.body());
            for (String line : export.body().split("\n")) {
                if (!line.isBlank()) {
                    JsonNode record = Json.mapper().readTree(line);
                    recorded.add(record.path("decisionId").asText());
                }
            }
            Set<String> missing = new HashSet<>();
            for (String id : answered) {
                missing.add(id.startsWith(BATCH_MARK) ? id.substring(BATCH_MARK.length()) : id);
            }
            missing.removeAll(recorded);
            assertTrue(missing.isEmpty(), missing.size() + " of " + answered.size()
                    + " answered decisions are not in the log after kill -9, e.g. " + missing.stream().limit(3).toList());
        } finally {
            running.set(false);
            smos.close();
        }
    }

    /**
     * One NDJSON batch of returns claims, read line by line as the server streams it: each decided item
     * is answered the moment its line arrives, even when the kill cuts the stream after it.
     */
    private static void batch(HttpClient http, String baseUrl, int n, ConcurrentLinkedQueue<String> answered)
            throws IOException, InterruptedException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < BATCH_ITEMS; i++) {
            items.append(Json.mapper().readTree(CLAIM.formatted(BATCH_CLIENT * 1_000_000 + n, i))).append('\n');
        }
        HttpResponse<java.util.stream.Stream<String>> r = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/decisions/returns/batch"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(items.toString())).build(), HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = r.body()) {
            java.util.Iterator<String> each = lines.iterator();
            while (each.hasNext()) {
                JsonNode line;
                try {
                    line = Json.mapper().readTree(each.next());
                } catch (IOException cut) {
                    return; // a line cut by the kill is no answer
                }
                if (line.has("decision")) {
                    answered.add(BATCH_MARK + line.path("decisionId").asText());
                }
            }
        } catch (java.io.UncheckedIOException killed) {
            // the server was killed mid-stream: the lines read before are answers
        }
    }

    private static final String BATCH_MARK = "batch:";

    private static long batchAnswered(java.util.Collection<String> answered) {
        return answered.stream().filter(id -> id.startsWith(BATCH_MARK)).count();
    }
}
