package smos.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.engine.DomainRegistry;
import smos.publish.Gate;
import smos.publish.LocalRuleStore;
import smos.publish.RuleSetManager;
import smos.request.Json;
import smos.service.DecisionService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real server with publishing on, in process on a free port (the app factory, as {@code serve} wires
 * it), on a copy of the shipped home; with the requests the publishing tests send.
 */
public final class PublishingServer implements AutoCloseable {

    private final Path home;
    private final RuleSetManager manager;
    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PublishingServer(Path dir, Tokens tokens) {
        this(dir, tokens, false);
    }

    public PublishingServer(Path dir, Tokens tokens, boolean protectReads) {
        // the returns domain only: every publishing test changes it, and compiling the other nine would take most of the time
        this(dir, tokens, protectReads, List.of("returns"));
    }

    /** Serving only the named domains. */
    public PublishingServer(Path dir, Tokens tokens, boolean protectReads, List<String> domains) {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover().stream()
                .filter(d -> domains.contains(d.id())).toList());
        DecisionService service = new DecisionService(registry, Map::of);
        manager = new RuleSetManager(registry, new Gate(registry, service), new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
        ApiSettings settings = ApiSettings.defaults().withTokens(tokens).withProtectReads(protectReads);
        app = ApiServer.create(service, manager, new smos.service.Metrics(), settings).start(0);
    }

    public Path home() {
        return home;
    }

    public RuleSetManager manager() {
        return manager;
    }

    public String url() {
        return "http://localhost:" + app.port();
    }

    public HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofMinutes(3));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The version serving now, as the ETag of the domain's history says (without the quotes). */
    public String base(String domain, String token) {
        HttpRequest.Builder request = to("/api/v1/domains/" + domain + "/history").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Reply history = send(request);
        if (history.status() != 200 || history.etag() == null) {
            throw new AssertionError("no ETag on the history: " + history);
        }
        return history.etag().replace("\"", "");
    }

    public Reply putFile(String domain, String name, byte[] bytes, String token, String base) {
        HttpRequest.Builder request = to("/api/v1/domains/" + domain + "/files/" + name)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        return send(authorized(request, token, base));
    }

    public Reply deleteFile(String domain, String name, String token, String base) {
        return send(authorized(to("/api/v1/domains/" + domain + "/files/" + name).DELETE(), token, base));
    }

    public Reply rollback(String domain, String version, String token, String base) {
        return send(authorized(to("/api/v1/domains/" + domain + "/rollback").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\": \"" + version + "\"}")), token, base));
    }

    /** {@code POST .../publish} with a part per file and a message. */
    public Reply publishTogether(String domain, Map<String, byte[]> files, String message, String token, String base) {
        String boundary = "b" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(file.getValue());
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n" + message
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(authorized(to("/api/v1/domains/" + domain + "/publish")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)), token, base));
    }

    public static HttpRequest.Builder authorized(HttpRequest.Builder request, String token, String base) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (base != null) {
            request.header("If-Match", "\"" + base + "\"");
        }
        return request;
    }

    /** The SHA-256 of a file of the home, hex. */
    public String sha256(String path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(home.resolve(path))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A response: status, content type, body (as JSON on demand) and its ETag. */
    public record Reply(int status, String contentType, String body, String etag) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
