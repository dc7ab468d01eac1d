package smos.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.request.Json;
import smos.service.DecisionService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real SMOS server on a free port and a client for it. */
public final class HttpHarness implements AutoCloseable {
    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpHarness(DecisionService service) {
        this.app = ApiServer.create(service, ApiSettings.defaults()).start(0);
    }

    public HttpHarness(DecisionService service, ApiSettings settings, smos.service.Metrics metrics) {
        this.app = ApiServer.create(service, null, metrics, settings).start(0);
    }

    /** A server that puts decisions on record with {@code recorder}. */
    public HttpHarness(DecisionService service, ApiSettings settings, smos.service.Metrics metrics,
                       smos.audit.DecisionRecorder recorder) {
        this.app = ApiServer.create(service, null, metrics, new smos.audit.AuditServices(recorder,
                recorder.log() == null ? null : new smos.audit.Replay(recorder.log(), service,
                        (domain, version) -> service.registry().state(domain).map(smos.engine.DomainState::active)
                                .filter(active -> active.version().equals(version)))), settings).start(0);
    }

    public int port() {
        return app.port();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    public Reply post(String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public Reply postJson(String path, String json) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("X-Request-Id").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A response: status, content type, body (as JSON on demand) and the {@code X-Request-Id} it carried. */
    public record Reply(int status, String contentType, String body, String requestId) {
        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The {@code field} of every entry of a problem's {@code errors}. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
