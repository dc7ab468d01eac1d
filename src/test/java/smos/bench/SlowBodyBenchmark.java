package smos.bench;

import smos.testing.SlowBodyAttack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Normal decisions during a slow-body attack: 1,000 connections from 127.0.0.2 and up (50 an address)
 * announce 100,000-byte bodies and send a byte every 3 s, while one client on 127.0.0.1 posts returns
 * decisions, one after the other, 20 a second. Prints and writes the latency of those decisions
 * (p50, p99, max) and how many failed, first without the attack, then during it.
 *
 * <p>Run against a running server: {@code java ... smos.bench.SlowBodyBenchmark PORT SECONDS OUT}
 */
public final class SlowBodyBenchmark {
    private static final String CLAIM = "{\"claim\": {\"claimId\": \"B-1\", \"productLine\": \"CONSUMER_ROUTER\", "
            + "\"condition\": \"NEW\", \"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\", "
            + "\"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true, "
            + "\"registered\": false}}";

    private SlowBodyBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        decide(client, port, 5);
        String quiet = describe("without attack", decide(client, port, Math.max(5, seconds / 4)));
        String attacked;
        try (SlowBodyAttack attack = new SlowBodyAttack(port, 1_000, 50, 3_000).start()) {
            Thread.sleep(5_000);
            long[] latencies = decide(client, port, seconds);
            attacked = describe("during attack", latencies) + String.format(Locale.ROOT,
                    " attack-open %d attack-addresses %d attack-reopened %d", attack.open(), attack.addresses(),
                    attack.reconnects());
        }
        String report = quiet + "\n" + attacked + "\n";
        System.out.print(report);
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    /** Decides for {@code seconds} at 20 a second; latencies in microseconds, a failure as -1. */
    private static long[] decide(HttpClient client, int port, int seconds) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/decisions/returns"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(CLAIM)).build();
        int count = seconds * 20;
        long[] latencies = new long[count];
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += 50_000_000;
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                latencies[i] = response.statusCode() == 200 ? (System.nanoTime() - started) / 1_000 : -1;
            } catch (IOException e) {
                latencies[i] = -1;
            }
        }
        return latencies;
    }

    private static String describe(String label, long[] latencies) {
        long failed = Arrays.stream(latencies).filter(l -> l < 0).count();
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        if (ok.length == 0) {
            return label + ": decisions 0 failed " + failed;
        }
        List<Double> millis = List.of(ok[ok.length / 2] / 1e3, ok[(int) Math.min(ok.length - 1, Math.ceil(ok.length * 0.99) - 1)] / 1e3,
                ok[ok.length - 1] / 1e3);
        return String.format(Locale.ROOT, "%s: decisions %d failed %d p50 %.2f ms p99 %.2f ms max %.2f ms", label,
                ok.length, failed, millis.get(0), millis.get(1), millis.get(2));
    }
}
