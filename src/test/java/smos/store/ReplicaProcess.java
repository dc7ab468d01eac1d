package smos.store;

import com.fasterxml.jackson.databind.JsonNode;
import smos.request.Json;
import smos.testing.PostgresCluster;
import smos.testing.SmosProcess;
import smos.testing.TestHomes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar serving from a shared PostgreSQL store ({@code smos serve --store URL}), as an operator
 * runs each replica, with a publish token, and the requests the replica tests send it.
 */
public final class ReplicaProcess implements AutoCloseable {
    public static final String TOKEN = "replica-0123456789abcdef";
    public static final String CHANGE_OF_MIND = "scenarios/returns/change-of-mind.yaml";

    public final String name;
    public final SmosProcess smos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A password the database does not need (it trusts local connections): to show it is never printed. */
    public static final String PASSWORD = "pw-never-printed-" + TOKEN.hashCode();

    public ReplicaProcess(String name, Path work, Path home, String storeUrl) throws IOException {
        this.name = name;
        Path tokens = work.resolve("tokens");
        Files.writeString(tokens, "rita=" + TOKEN + "\n");
        Path logs = Files.createDirectories(work.resolve("replica-" + name));
        this.smos = new SmosProcess(home, logs.resolve("unused-history"), Map.of("PGPASSWORD", PASSWORD), "--store", storeUrl,
                "--store-user", PostgresCluster.USER, "--token-file", tokens.toString(), "--audit", "off");
    }

    /** A home with only the returns domain: one domain to gate on import and to compile at each start. */
    public static Path returnsHome(Path work) throws IOException {
        Path home = Files.createDirectories(work.resolve("home"));
        for (String folder : List.of("rules", "decision-tables", "scenarios")) {
            Path from = TestHomes.REPO.resolve(folder).resolve("returns");
            if (Files.isDirectory(from)) {
                TestHomes.copyTree(from, home.resolve(folder).resolve("returns"));
            }
        }
        return home;
    }

    /** {@code smos store import|export DIR --store URL} with the packaged jar; its exit code and output. */
    public static Result storeCommand(Path work, String command, Path dir, String storeUrl, String... extra)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("smos.jar", "target/smos.jar"), "store", command, dir.toString(),
                "--store", storeUrl, "--store-user", PostgresCluster.USER));
        line.addAll(List.of(extra));
        Path out = work.resolve("store-" + command + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("smos store " + command + " did not finish within 300 s: " + Files.readString(out));
        }
        return new Result(process.exitValue(), Files.readString(out));
    }

    public record Result(int exitCode, String output) {
    }

    public record Reply(int status, JsonNode body, long receivedNanos) {
    }

    public ReplicaProcess start() {
        smos.start();
        return this;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(smos.baseUrl() + path)).timeout(Duration.ofSeconds(180));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long received = System.nanoTime();
            JsonNode body = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
            return new Reply(response.statusCode(), body, received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The version of returns this replica serves now (its /api/v1/rulesets). */
    public String serving() {
        for (JsonNode ruleset : send(request("/api/v1/rulesets").GET()).body()) {
            if (ruleset.path("domain").asText().equals("returns")) {
                return ruleset.path("activeVersion").asText(null);
            }
        }
        throw new AssertionError("no returns entry in /api/v1/rulesets of " + name);
    }

    /** The base a change must name here: the ETag of the history. */
    public String base() {
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

    /** Publishes one scenario file (its text as given) on {@code base} (an ETag, quoted). */
    public HttpRequest.Builder publishScenarios(String text, String base) {
        return request("/api/v1/domains/returns/files/change-of-mind.yaml")
                .header("Authorization", "Bearer " + TOKEN).header("If-Match", base)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8)));
    }

    public JsonNode history() {
        return send(request("/api/v1/domains/returns/history").header("Authorization", "Bearer " + TOKEN).GET()).body();
    }

    public JsonNode health() {
        return send(request("/health").GET()).body();
    }

    @Override
    public void close() {
        smos.close();
    }
}
