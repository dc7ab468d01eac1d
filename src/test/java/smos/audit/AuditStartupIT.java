package smos.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.request.Json;
import smos.testing.SmosProcess;
import smos.testing.TestHomes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged server as an operator starts it, with {@code --audit-exclude}: the decisions it makes to
 * warm up before its port opens (each domain's example, several times) leave nothing in its log, and a
 * domain that opted out leaves nothing either, single or batch, while the others are recorded.
 */
class AuditStartupIT {
    private static final String TOKEN = "auditor-token-0123456789abcdef";
    private static final String OPTED_OUT = "territory";

    @TempDir
    Path work;

    @Test
    void warmUpDecisionsAndAnOptedOutDomainAreNotOnRecord() throws Exception {
        Path home = TestHomes.copyOfShipped(Files.createDirectories(work.resolve("home")));
        Path tokens = Files.writeString(work.resolve("tokens"), "auditor=" + TOKEN + "\n");
        try (SmosProcess smos = new SmosProcess(home, work.resolve("history"), Map.of(), "--token-file",
                tokens.toString(), "--no-watch", "--audit-exclude", OPTED_OUT).start()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertEquals(Set.of(), recorded(http, smos), "the warm-up left records");

            Map<String, JsonNode> examples = new java.util.HashMap<>();
            for (JsonNode domain : get(http, smos, "/api/v1/domains")) {
                examples.put(domain.path("id").asText(), domain.path("exampleRequest"));
            }
            assertTrue(examples.get(OPTED_OUT).isObject() && examples.get("returns").isObject(), examples::toString);
            String returnsId = post(http, smos, "/api/v1/decisions/returns", "application/json",
                    examples.get("returns").toString()).headers().firstValue("X-Request-Id").orElseThrow();
            HttpResponse<String> single = post(http, smos, "/api/v1/decisions/" + OPTED_OUT, "application/json",
                    examples.get(OPTED_OUT).toString());
            assertEquals(200, single.statusCode(), single.body());
            HttpResponse<String> batch = post(http, smos, "/api/v1/decisions/" + OPTED_OUT + "/batch",
                    "application/x-ndjson", examples.get(OPTED_OUT) + "\n" + examples.get(OPTED_OUT) + "\n");
            assertEquals(200, batch.statusCode(), batch.body());
            assertEquals(2, batch.body().strip().split("\n").length, batch.body());

            assertEquals(Set.of(returnsId), recorded(http, smos), "only the returns decision is on record");
        }
    }

    /** The decision ids of every record in the log. */
    private static Set<String> recorded(HttpClient http, SmosProcess smos) throws Exception {
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(
                        URI.create(smos.baseUrl() + "/api/v1/audit/decisions?format=ndjson"))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, export.statusCode(), export.body());
        Set<String> ids = new HashSet<>();
        for (String line : export.body().split("\n")) {
            if (!line.isBlank()) {
                ids.add(Json.mapper().readTree(line).path("decisionId").asText());
            }
        }
        return ids;
    }

    private static JsonNode get(HttpClient http, SmosProcess smos, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(smos.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    private static HttpResponse<String> post(HttpClient http, SmosProcess smos, String path, String type, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(smos.baseUrl() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
