package smos.publish;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.engine.DomainRegistry;
import smos.service.DecisionService;
import smos.testing.TestHomes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guards of the write endpoints, in process: off without a token, 401 without the right one. */
class PublishingApiTest {
    private static final String TOKEN = "0123456789abcdef0123";

    @TempDir
    Path dir;

    private HttpClient client = HttpClient.newHttpClient();

    private Javalin serve(Tokens tokens, boolean protectReads) {
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover());
        DecisionService service = new DecisionService(registry, Map::of);
        RuleSetManager manager = new RuleSetManager(registry, new Gate(registry, service), new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
        ApiSettings settings = ApiSettings.defaults().withTokens(tokens).withProtectReads(protectReads);
        return ApiServer.create(service, manager, new smos.service.Metrics(), settings).start(0);
    }

    private HttpResponse<String> send(Javalin app, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder to(Javalin app, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
    }

    @Test
    void withoutAConfiguredTokenTheWriteEndpointsAreOffAndSaySo() throws Exception {
        Javalin app = serve(Tokens.none(), false);
        try {
            HttpResponse<String> put = send(app, to(app, "/api/v1/domains/returns/files/x.drl")
                    .header("Authorization", "Bearer anything-at-all-here").PUT(HttpRequest.BodyPublishers.ofString("rule")));
            assertEquals(403, put.statusCode());
            assertTrue(put.body().contains("SMOS_PUBLISH_TOKEN"), put.body());
            assertEquals(200, send(app, to(app, "/api/v1/domains/returns/history").GET()).statusCode());
        } finally {
            app.stop();
        }
    }

    @Test
    void aMissingOrWrongTokenIs401AndChangesNothing() throws Exception {
        Javalin app = serve(Tokens.of(Map.of("ops", TOKEN)), false);
        try {
            Path table = dir.resolve("home/decision-tables/returns/returns-policy.xlsx");
            byte[] before = Files.readAllBytes(table);
            HttpResponse<String> none = send(app, to(app, "/api/v1/domains/returns/files/returns-policy.xlsx")
                    .DELETE());
            assertEquals(401, none.statusCode());
            assertEquals("Bearer realm=\"smos\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
            HttpResponse<String> wrong = send(app, to(app, "/api/v1/domains/returns/files/returns-policy.xlsx")
                    .header("Authorization", "Bearer " + TOKEN.toUpperCase()).DELETE());
            assertEquals(401, wrong.statusCode());
            assertFalse(wrong.body().contains(TOKEN.toUpperCase()), "the token was echoed");
            assertTrue(Files.exists(table));
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(table)));
        } finally {
            app.stop();
        }
    }

    @Test
    void deletingTheOnlyTableIsRefusedAndNothingChanges() throws Exception {
        Javalin app = serve(Tokens.of(Map.of("ops", TOKEN)), false);
        try {
            String base = send(app, to(app, "/api/v1/domains/returns/history").GET()).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> delete = send(app, to(app, "/api/v1/domains/returns/files/returns-policy.xlsx")
                    .header("Authorization", "Bearer " + TOKEN).header("If-Match", base).DELETE());
            assertEquals(422, delete.statusCode(), delete.body());
            assertTrue(Files.exists(dir.resolve("home/decision-tables/returns/returns-policy.xlsx")));
            HttpResponse<String> missing = send(app, to(app, "/api/v1/domains/returns/files/nothing.drl")
                    .header("Authorization", "Bearer " + TOKEN).header("If-Match", base).DELETE());
            assertEquals(400, missing.statusCode(), missing.body());
            HttpResponse<String> unknown = send(app, to(app, "/api/v1/domains/refunds/history").GET());
            assertEquals(404, unknown.statusCode());
        } finally {
            app.stop();
        }
    }

    @Test
    void protectedReadsNeedTheTokenButHealthStaysOpen() throws Exception {
        Javalin app = serve(Tokens.of(Map.of("ops", TOKEN)), true);
        try {
            assertEquals(401, send(app, to(app, "/api/v1/domains").GET()).statusCode());
            assertEquals(200, send(app, to(app, "/api/v1/domains").header("Authorization", "Bearer " + TOKEN).GET()).statusCode());
            assertEquals(200, send(app, to(app, "/health").GET()).statusCode());
        } finally {
            app.stop();
        }
    }

    @Test
    void tokensAreConfiguredNeverDefaultedAndMustBeLong() {
        assertFalse(Tokens.none().enabled());
        assertThrows(IllegalArgumentException.class, () -> Tokens.of(Map.of("x", "short")));
        Tokens tokens = Tokens.parse(List.of("# who may publish", "", "rita=" + TOKEN, TOKEN + "-second"));
        assertEquals(Caller.publisher("rita"), tokens.caller(TOKEN).orElseThrow());
        assertEquals(Caller.publisher("token-2"), tokens.caller(TOKEN + "-second").orElseThrow());
        assertTrue(tokens.caller("nope-nope-nope-nope").isEmpty());
        assertFalse(tokens.toString().contains(TOKEN));
    }

    @Test
    void fileNamesMapToTheirFolderAndNothingElse() {
        assertEquals("decision-tables/returns/a.xlsx", DomainFiles.pathFor("returns", "a.xlsx"));
        assertEquals("rules/returns/b.drl", DomainFiles.pathFor("returns", "b.drl"));
        assertEquals("scenarios/returns/c.yaml", DomainFiles.pathFor("returns", "c.yaml"));
        for (String bad : new String[] {"../a.xlsx", "a/b.xlsx", ".hidden.drl", "a.exe", "", "a..drl"}) {
            assertThrows(InvalidChangeException.class, () -> DomainFiles.pathFor("returns", bad), bad);
        }
    }

    @Test
    void historyKeepsExactBytesAcrossInstances() throws IOException {
        LocalRuleStore store = new LocalRuleStore(dir.resolve("home"), dir.resolve("h"));
        Map<String, byte[]> files = Map.of("decision-tables/d/a.xlsx", new byte[] {1, 2, 3}, "scenarios/d/s.yaml", "x".getBytes());
        smos.engine.DomainBundle bundle = smos.engine.DomainBundle.of("d", files);
        HistoryEntry entry = store.record(new Publication(bundle, null, "publish", "rita", "why", List.of("a code cell"),
                null, false));
        LocalRuleStore reopened = new LocalRuleStore(dir.resolve("home"), dir.resolve("h"));
        assertEquals(List.of(entry), reopened.history("d"));
        assertEquals(java.util.Optional.of(bundle.version()), reopened.active("d"));
        smos.engine.DomainBundle restored = reopened.bundle("d", reopened.history("d").get(0));
        assertTrue(java.util.Arrays.equals(new byte[] {1, 2, 3}, restored.files().get("decision-tables/d/a.xlsx")));
        assertEquals(bundle.version(), restored.version());
    }
}
