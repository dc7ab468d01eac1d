package smos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.request.Json;
import smos.testing.BalancedLoad;
import smos.testing.SmosProcess;
import smos.testing.TestHomes;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM of the packaged server while four clients post decisions and a fifth streams a slow batch:
 * it drains first (ready says 503, answers close their connections), then the port closes while the
 * batch is still being answered, every request the server took gets its whole 200 (the batch every
 * line), the process exits 0, and after a restart the decision log holds every decision that was answered.
 */
class GracefulStopIT {
    private static final String TOKEN = "auditor-token-0123456789abcdef";
    private static final String CLAIM = """
            {"claim": {"claimId": "G-%d-%d", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT", \
            "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 199.99, "reason": "CHANGED_MIND", \
            "opened": true, "proofOfPurchase": true, "registered": false}}""";
    private static final int BATCH_ITEMS = 3000;
    private static final int ITEMS_PER_CHUNK = 50;
    private static final long CHUNK_PAUSE_MILLIS = 100; // the batch's body takes 6 s to arrive

    @TempDir
    Path work;

    @Test
    void onSigtermItRefusesNewConnectionsFinishesWhatIsInFlightAndExitsZero() throws Exception {
        Path home = TestHomes.copyOfShipped(Files.createDirectories(work.resolve("home")));
        Path tokens = Files.writeString(work.resolve("tokens"), "auditor=" + TOKEN + "\n");
        // a generous grace: on a busy machine the slow batch must not be what the bound cuts
        SmosProcess smos = new SmosProcess(home, work.resolve("history"), Map.of(), "--token-file", tokens.toString(),
                "--no-watch", "--shutdown-grace", "60").start();
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger refusedClients = new AtomicInteger();
        ConcurrentLinkedQueue<String> closedUnanswered = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.add(started(() -> decideUntilRefused(smos, client, answered, failures, refusedClients, closedUnanswered)));
            }
            SlowBatch batch = new SlowBatch();
            AtomicReference<HttpResponse<String>> batchAnswer = new AtomicReference<>();
            Thread batchClient = started(() -> {
                try {
                    batchAnswer.set(client().send(HttpRequest.newBuilder(
                                    URI.create(smos.baseUrl() + "/api/v1/decisions/returns/batch"))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> batch)).build(),
                            HttpResponse.BodyHandlers.ofString()));
                } catch (IOException e) {
                    failures.add("the batch: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            while (batch.sentItems() < 10 * ITEMS_PER_CHUNK || answered.size() < 5) {
                assertTrue(failures.isEmpty(), () -> "before SIGTERM: " + failures);
                Thread.sleep(20);
            }
            int sentAtSigterm = batch.sentItems();
            int answeredAtSigterm = answered.size();
            long sigterm = System.nanoTime();
            smos.terminate();
            boolean refusedWhileAlive = false;
            boolean toldStopping = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try (Socket probe = new Socket("localhost", smos.port())) {
                    toldStopping = toldStopping || readySaysStopping(smos);
                    Thread.sleep(20);
                } catch (ConnectException refused) {
                    refusedWhileAlive = smos.alive();
                    break;
                }
            }
            int sentBeforeRefusal = batch.sentItems();
            long refusedAfter = (System.nanoTime() - sigterm) / 1_000_000;
            batchClient.join(120_000);
            for (Thread t : clients) {
                t.join(120_000);
            }
            int exit = smos.exitCode(Duration.ofSeconds(120));
            System.out.println("GracefulStopIT: SIGTERM after " + answeredAtSigterm + " decisions and " + sentAtSigterm
                    + " batch items; the port refused connections " + refusedAfter + " ms later, " + sentBeforeRefusal
                    + " of " + BATCH_ITEMS + " items sent; " + answered.size() + " decisions answered in all; "
                    + closedUnanswered.size() + " sent on a connection closed as idle (not taken)");

            assertEquals(List.of(), List.copyOf(failures), "requests cut or refused after they were taken");
            assertTrue(refusedWhileAlive, "new connections were not refused while the server finished its batch");
            assertTrue(toldStopping, "/health/ready never said 503 (stopping) while the server drained before its port closed");
            assertEquals(4, refusedClients.get(), "every client ends on a refused connection");
            assertEquals(0, exit, smos.output());
            HttpResponse<String> whole = batchAnswer.get();
            assertEquals(200, whole.statusCode(), whole.body());
            String[] lines = whole.body().split("\n");
            assertEquals(BATCH_ITEMS, lines.length, "every item of the batch answered");
            for (int i = 0; i < lines.length; i++) {
                JsonNode line = Json.mapper().readTree(lines[i]);
                assertEquals(i, line.path("index").asInt(), lines[i]);
                assertTrue(line.has("decision") && !line.has("error"), lines[i]);
            }

            smos.start();
            String log = recordedLog(smos);
            // A request sent on a kept-alive connection just as the stopping server closes it as idle is
            // usually never taken; but Jetty can take it in the same instant (its idle check and its read race),
            // and then it is decided and recorded while its client gets no answer and sends it again. Seen on CI
            // under load (1 of 3 such requests); an extra record, never a missing one, so it is counted, not failed.
            long recordedUnanswered = closedUnanswered.stream().filter(claimId -> java.util.regex.Pattern
                    .compile(claimId + "(?![0-9])").matcher(log).find()).count();
            System.out.println("GracefulStopIT: " + recordedUnanswered + " of " + closedUnanswered.size()
                    + " requests on a connection closed as idle were decided all the same");
            Set<String> recorded = decisionIds(log);
            Set<String> missing = new HashSet<>(answered);
            missing.removeAll(recorded);
            assertTrue(missing.isEmpty(), missing.size() + " of " + answered.size()
                    + " answered decisions are not in the log after the graceful stop, e.g. "
                    + missing.stream().limit(3).toList());
        } finally {
            smos.kill();
        }
    }

    /**
     * A request that waits for its turn (its client already has as many requests served as
     * {@code --threads-per-client} allows) when SIGTERM comes was taken: it is served once the turn comes,
     * however long past the stopping server's one-second idle limit that is.
     */
    @Test
    void aRequestWaitingForItsTurnAtSigtermIsAnswered() throws Exception {
        Path home = TestHomes.copyOfShipped(Files.createDirectories(work.resolve("home")));
        Path tokens = Files.writeString(work.resolve("tokens"), "auditor=" + TOKEN + "\n");
        SmosProcess smos = new SmosProcess(home, work.resolve("history"), Map.of(), "--token-file", tokens.toString(),
                "--no-watch", "--shutdown-grace", "60", "--threads-per-client", "1").start();
        try {
            SlowBatch batch = new SlowBatch(); // holds the client's one thread for about 6 s
            var batchAnswer = client().sendAsync(HttpRequest.newBuilder(
                            URI.create(smos.baseUrl() + "/api/v1/decisions/returns/batch"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> batch)).build(),
                    HttpResponse.BodyHandlers.ofString());
            while (batch.sentItems() < 5 * ITEMS_PER_CHUNK) {
                Thread.sleep(20);
            }
            var waiting = client().sendAsync(HttpRequest.newBuilder(URI.create(smos.baseUrl() + "/api/v1/decisions/returns"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CLAIM.formatted(7, 1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(1000); // taken (even on a busy machine) and waiting behind the batch, which has seconds to go
            assertFalse(waiting.isDone(), "the single decision was answered before the batch ended");
            smos.terminate();

            HttpResponse<String> answer = waiting.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("G-7-1", Json.mapper().readTree(answer.body()).path("decision").path("claimId").asText(),
                    answer.body());
            HttpResponse<String> whole = batchAnswer.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, whole.statusCode(), whole.body());
            assertEquals(BATCH_ITEMS, whole.body().split("\n").length, "every item of the batch answered");
            assertEquals(0, smos.exitCode(Duration.ofSeconds(120)), smos.output());
        } finally {
            smos.kill();
        }
    }

    /** Posts decisions until a connection is refused; a cut or a status other than 200 is a failure. */
    private static void decideUntilRefused(SmosProcess smos, int client, ConcurrentLinkedQueue<String> answered,
                                           ConcurrentLinkedQueue<String> failures, AtomicInteger refused,
                                           ConcurrentLinkedQueue<String> closedUnanswered) {
        HttpClient http = client();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (int n = 0; System.nanoTime() < deadline; n++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create(smos.baseUrl() + "/api/v1/decisions/returns"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CLAIM.formatted(client, n))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    failures.add("client " + client + ": " + r.statusCode() + " " + r.body());
                    return;
                }
                answered.add(Json.mapper().readTree(r.body()).path("decisionId").asText());
            } catch (IOException e) {
                if (BalancedLoad.refused(e)) {
                    refused.incrementAndGet();
                } else if (BalancedLoad.closedUnanswered(e)) {
                    // a kept-alive connection the stopping server closed as idle just as this request went out on
                    // it: the request was never taken (the test checks it was not decided), which a client or a
                    // load balancer treats like a refused connection and sends again
                    refused.incrementAndGet();
                    closedUnanswered.add("G-" + client + "-" + n);
                } else {
                    failures.add("client " + client + ": " + e);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        failures.add("client " + client + " was never refused");
    }

    /** Whether /health/ready answers 503 because the server is stopping (its drain, before the port closes). */
    private static boolean readySaysStopping(SmosProcess smos) throws InterruptedException {
        try {
            HttpResponse<String> ready = client().send(HttpRequest.newBuilder(URI.create(smos.baseUrl() + "/health/ready"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return ready.statusCode() == 503 && ready.body().contains("stopping")
                    && ready.headers().firstValue("Connection").orElse("").equalsIgnoreCase("close");
        } catch (IOException closing) {
            return false;
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The decision log of returns as NDJSON, one record a line. */
    private static String recordedLog(SmosProcess smos) throws Exception {
        HttpResponse<String> export = client().send(HttpRequest.newBuilder(
                        URI.create(smos.baseUrl() + "/api/v1/audit/decisions?domain=returns&format=ndjson"))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, export.statusCode(), export.body());
        return export.body();
    }

    private static Set<String> decisionIds(String log) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : log.split("\n")) {
            if (!line.isBlank()) {
                ids.add(Json.mapper().readTree(line).path("decisionId").asText());
            }
        }
        return ids;
    }

    /** An NDJSON body that arrives in chunks, a pause between them: a request that is in flight for seconds. */
    private static final class SlowBatch extends InputStream {
        private final AtomicInteger sent = new AtomicInteger();
        private byte[] chunk = new byte[0];
        private int position;

        int sentItems() {
            return sent.get();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (position == chunk.length) {
                if (sent.get() == BATCH_ITEMS) {
                    return -1;
                }
                if (sent.get() > 0) {
                    SmosProcess.sleep(CHUNK_PAUSE_MILLIS);
                }
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < ITEMS_PER_CHUNK; i++) {
                    lines.append(CLAIM.formatted(99, sent.get() + i)).append('\n');
                }
                chunk = lines.toString().getBytes(StandardCharsets.UTF_8);
                position = 0;
                sent.addAndGet(ITEMS_PER_CHUNK);
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, into, offset, n);
            position += n;
            return n;
        }
    }
}
