package smos.console;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.engine.DomainLayout;
import smos.engine.DomainRegistry;
import smos.publish.AccessRole;
import smos.publish.ConsoleSession;
import smos.publish.DomainFiles;
import smos.publish.Gate;
import smos.publish.LocalRuleStore;
import smos.publish.RuleSetManager;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local store keeps the console's sessions and drafts on disk: a server stopped and started again on
 * the same home still knows the person signed in and the draft they uploaded, which then publishes on its
 * base; an expired session is refused.
 */
class DraftsAndSessionsRestartTest {
    private static final String TOKEN = "pia-publishes-0123456789";

    @TempDir
    Path dir;

    @Test
    void aSessionAndADraftSurviveARestartAndTheDraftPublishes() throws Exception {
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        String shipped = DomainLayout.read(home, "returns").version();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("returns-policy.xlsx", ReturnsChanges.policyWithFee(dir.resolve("work"), 0.20));
        files.put("change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent());

        String session;
        String draft;
        try (Server first = new Server(home)) {
            session = ConsoleClient.signIn(first.url(), TOKEN);
            String csrf = ConsoleClient.csrf(ConsoleClient.get(first.url(), "/console/domains/returns/change", session).body());
            HttpResponse<String> uploaded = ConsoleClient.upload(first.url(), "returns", session, csrf, files);
            assertEquals(303, uploaded.statusCode(), uploaded.body());
            draft = ConsoleClient.location(uploaded);
        }

        try (Server again = new Server(home)) {
            HttpResponse<String> domains = ConsoleClient.get(again.url(), "/console/domains", session);
            assertTrue(domains.body().contains("Signed in as <strong>pia</strong> (publisher)"), domains.body());
            String domainPage = ConsoleClient.get(again.url(), "/console/domains/returns", session).body();
            assertTrue(domainPage.contains("href=\"" + draft + "\"") && domainPage.contains("Draft by pia"), domainPage);
            HttpResponse<String> opened = ConsoleClient.get(again.url(), draft, session);
            assertEquals(200, opened.statusCode(), opened.body());
            assertTrue(opened.body().contains("passes the gate"), opened.body());
            assertTrue(opened.body().contains("the active version.") && opened.body().contains(shipped.substring(0, 12)),
                    "the draft was made on the shipped version, which still serves");

            HttpResponse<String> published = ConsoleClient.post(again.url(), draft + "/publish", session,
                    "csrf", ConsoleClient.csrf(opened.body()), "message", "Opened units: restocking fee 20%");
            assertEquals(303, published.statusCode(), published.body());
            assertEquals(versionWith(home, shipped, files), again.manager.baseVersion("returns"));
            assertEquals(404, ConsoleClient.get(again.url(), draft, session).statusCode(), "a published draft is gone");
            assertEquals(List.of(), again.manager.store().drafts().list("returns"));
        }
    }

    @Test
    void anExpiredSessionIsRefusedAndItsFileRemoved() throws Exception {
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        try (Server server = new Server(home)) {
            server.manager.store().consoleSessions().save(new ConsoleSession("expired-session-id", "pia",
                    AccessRole.PUBLISHER, "csrf-of-expired", Instant.now().minusSeconds(1)));
            assertEquals(1, sessionFiles(home));
            HttpResponse<String> page = ConsoleClient.get(server.url(), "/console/domains", "expired-session-id");
            assertFalse(page.body().contains("Signed in as"), page.body());
            assertEquals(403, ConsoleClient.post(server.url(), "/console/sign-out", "expired-session-id",
                    "csrf", "csrf-of-expired").statusCode());
            assertEquals(0, sessionFiles(home));
        }
    }

    @Test
    void anUploadNoPublishWouldTakeMakesNoDraft() {
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        try (Server server = new Server(home)) {
            String session = ConsoleClient.signIn(server.url(), TOKEN);
            String csrf = ConsoleClient.csrf(ConsoleClient.get(server.url(), "/console/domains/returns/change", session).body());
            HttpResponse<String> refused = ConsoleClient.upload(server.url(), "returns", session, csrf,
                    Map.of("notes.txt", "not a rule file".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("notes.txt") && refused.body().contains(".xlsx"), refused.body());
            assertEquals(List.of(), server.manager.store().drafts().list("returns"));
        }
    }

    private static long sessionFiles(Path home) throws Exception {
        try (Stream<Path> files = Files.list(home.resolve(".smos/history/.console-sessions"))) {
            return files.count();
        }
    }

    /** The version the returns domain becomes with these files, worked out from the files. */
    private static String versionWith(Path home, String shipped, Map<String, byte[]> files) {
        Map<String, byte[]> puts = new HashMap<>();
        files.forEach((name, bytes) -> puts.put(DomainFiles.pathFor("returns", name), bytes));
        String version = DomainLayout.read(TestHomes.REPO, "returns").with(puts, Set.of()).version();
        assertFalse(version.equals(shipped));
        return version;
    }

    /** A server on a home with the local store, as {@code serve} wires it: the returns domain only, to start fast. */
    private static final class Server implements AutoCloseable {
        final RuleSetManager manager;
        private final Javalin app;

        Server(Path home) {
            DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover().stream()
                    .filter(d -> d.id().equals("returns")).toList());
            DecisionService service = new DecisionService(registry, Map::of);
            manager = new RuleSetManager(registry, new Gate(registry, service), new LocalRuleStore(home, null));
            manager.start();
            app = ApiServer.create(service, manager, new Metrics(), ApiSettings.defaults()
                    .withTokens(Tokens.parse(List.of("pia:publisher=" + TOKEN)))).start(0);
        }

        String url() {
            return "http://localhost:" + app.port();
        }

        @Override
        public void close() {
            app.stop();
        }
    }
}
