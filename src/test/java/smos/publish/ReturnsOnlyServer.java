package smos.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.request.Json;
import smos.service.DecisionService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The returns domain served in process from a home folder, with its real rule store, gate and HTTP
 * API: one domain keeps the start-up (which gates every domain) short.
 */
final class ReturnsOnlyServer implements AutoCloseable {
    static final String TOKEN = "store-test-0123456789";

    final DomainRegistry registry;
    final Gate gate;
    final LocalRuleStore store;
    final RuleSetManager manager;
    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ReturnsOnlyServer(Path home, Path history, Consumer<Gate> beforeStart) {
        List<DecisionDomain<?, ?>> returns = DomainRegistry.discover().stream().filter(d -> d.id().equals("returns")).toList();
        registry = new DomainRegistry(home, returns);
        DecisionService service = new DecisionService(registry, Map::of);
        gate = new Gate(registry, service);
        beforeStart.accept(gate);
        store = new LocalRuleStore(home, history);
        manager = new RuleSetManager(registry, gate, store);
        manager.start();
        app = ApiServer.create(service, manager, new smos.service.Metrics(),
                ApiSettings.defaults().withTokens(Tokens.of(Map.of("rita", TOKEN)))).start(0);
    }

    String activeVersion() {
        return registry.state("returns").orElseThrow().active() == null ? null
                : registry.state("returns").orElseThrow().active().version();
    }

    String servingFrom() {
        return registry.state("returns").orElseThrow().activeFrom();
    }

    record Reply(int status, String contentType, JsonNode body) {
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply rollback(String version) {
        return send(HttpRequest.newBuilder(uri("/api/v1/domains/returns/rollback"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .header("If-Match", serving())
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\": \"" + version + "\"}")));
    }

    Reply put(String name, byte[] bytes) {
        return send(HttpRequest.newBuilder(uri("/api/v1/domains/returns/files/" + name))
                .header("Authorization", "Bearer " + TOKEN).header("If-Match", serving())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Every change names the version it replaces: the one serving now. */
    private String serving() {
        return "\"" + BaseVersion.of(registry.state("returns").orElseThrow().active() == null ? null
                : registry.state("returns").orElseThrow().active().version()) + "\"";
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
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
}
