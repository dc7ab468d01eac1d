package smos.publish;

import com.fasterxml.jackson.databind.JsonNode;
import smos.request.Json;
import smos.testing.SmosProcess;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The packaged jar serving a home that holds only the returns domain (a restart compiles and gates one
 * domain, not ten), with a publish token, and the requests the store's tests send it.
 */
final class StoreProcess implements AutoCloseable {
    static final String TOKEN = "crash-" + UUID.randomUUID();
    static final String POLICY = "decision-tables/returns/returns-policy.xlsx";
    static final String CHANGE_OF_MIND = "scenarios/returns/change-of-mind.yaml";
    static final String DAMAGE = "scenarios/returns/damage.yaml";
    static final String CLAIM = """
            {"claim": {"claimId": "C-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                       "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 199.99,
                       "reason": "CHANGED_MIND", "opened": true, "proofOfPurchase": true, "registered": false}}
            """;

    final Path home;
    final Path history;
    final SmosProcess smos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StoreProcess(Path work, Path history) throws IOException {
        this.home = Files.createDirectories(work.resolve("home"));
        for (String folder : List.of("rules", "decision-tables", "scenarios")) {
            if (Files.isDirectory(TestHomes.REPO.resolve(folder).resolve("returns"))) {
                TestHomes.copyTree(TestHomes.REPO.resolve(folder).resolve("returns"), home.resolve(folder).resolve("returns"));
            }
        }
        this.history = history;
        Path tokens = work.resolve("tokens");
        Files.writeString(tokens, "rita=" + TOKEN + "\n");
        this.smos = new SmosProcess(home, history, Map.of(), "--token-file", tokens.toString(), "--no-watch");
    }

    record Reply(int status, String contentType, JsonNode body) {
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(smos.baseUrl() + path)).timeout(Duration.ofSeconds(180));
    }

    /** Every change names the version it replaces: the one serving now, as the history's ETag says. */
    String serving() {
        try {
            HttpResponse<String> history = http.send(request("/api/v1/domains/returns/history")
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            return history.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(
                    "the history has no ETag: " + history.statusCode() + " " + history.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply send(HttpRequest.Builder request) {
        try {
            return parse(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<Reply> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(StoreProcess::parse);
    }

    private static Reply parse(HttpResponse<String> response) {
        try {
            JsonNode body = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files published together as one version (multipart), with the token. */
    HttpRequest.Builder publish(Map<String, byte[]> files, String message) {
        String boundary = "b" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(file.getValue());
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n" + message + "\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request("/api/v1/domains/returns/publish").header("Authorization", "Bearer " + TOKEN)
                .header("If-Match", serving())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
    }

    HttpRequest.Builder put(String name, byte[] bytes) {
        return request("/api/v1/domains/returns/files/" + name).header("Authorization", "Bearer " + TOKEN)
                .header("If-Match", serving())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    HttpRequest.Builder rollback(String version) {
        return request("/api/v1/domains/returns/rollback").header("Authorization", "Bearer " + TOKEN)
                .header("If-Match", serving())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\": \"" + version + "\"}"));
    }

    JsonNode history() {
        return send(request("/api/v1/domains/returns/history").GET()).body();
    }

    /** The returns entry of /api/v1/rulesets. */
    JsonNode ruleset() {
        for (JsonNode ruleset : send(request("/api/v1/rulesets").GET()).body()) {
            if (ruleset.path("domain").asText().equals("returns")) {
                return ruleset;
            }
        }
        throw new AssertionError("no returns entry in /api/v1/rulesets");
    }

    Reply decide() {
        return send(request("/api/v1/decisions/returns").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CLAIM)));
    }

    /** The shipped workbook with the opened-unit restocking fee rate at {@code rate}. */
    static byte[] policyWithFee(Path work, double rate) throws IOException {
        Path copy = work.resolve("policy-" + rate + ".xlsx");
        Files.copy(TestHomes.REPO.resolve(POLICY), copy, StandardCopyOption.REPLACE_EXISTING);
        String cell = Workbooks.cellOf(copy, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(copy, "Outcome", cell, rate);
        return Files.readAllBytes(copy);
    }

    /** The change-of-mind scenarios with the opened-unit expectations of a 20% fee, worked out by hand. */
    static byte[] scenariosForTwentyPercent() throws IOException {
        String text = Files.readString(TestHomes.REPO.resolve(CHANGE_OF_MIND));
        text = text.replace("restockingFee: 30.00          # 199.99 x 0.15 = 29.9985, rounded half up to cents\n      refundAmount: 169.99",
                "restockingFee: 40.00          # 199.99 x 0.20 = 39.998\n      refundAmount: 159.99");
        text = text.replace("restockingFee: 37.35          # 249.00 x 0.15\n      refundAmount: 211.65",
                "restockingFee: 49.80          # 249.00 x 0.20\n      refundAmount: 199.20");
        text = text.replace("restockingFee: 0.02           # 0.10 x 0.15 = 0.015\n      refundAmount: 0.08",
                "restockingFee: 0.02           # 0.10 x 0.20 = 0.020\n      refundAmount: 0.08");
        if (!text.contains("159.99") || !text.contains("199.20")) {
            throw new AssertionError("the scenario text changed; update this test");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        smos.close();
    }
}
