package smos.console;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.engine.DomainRegistry;
import smos.publish.AccessRole;
import smos.publish.ConsoleSession;
import smos.publish.DomainFiles;
import smos.publish.Gate;
import smos.publish.RuleSetManager;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.store.PostgresRuleStore;
import smos.store.StoreAddress;
import smos.store.StoreFollower;
import smos.store.StoreTransfer;
import smos.testing.PostgresCluster;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console behind a load balancer: two servers (each its own registry, gate, manager and pool, in
 * process) on one PostgreSQL rule store. A session made on one is good on the other, a draft uploaded on
 * one opens and publishes on the other, signing out on one signs out on both; an expired session is
 * refused and its row removed; the table never holds a cookie's id.
 */
class ConsoleReplicasTest {
    private static final String TOKEN = "pia-publishes-0123456789";
    /** Generous: the machine runs other builds; the follower answers in about a second. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static Path home;
    private static StoreAddress address;
    private static Server a;
    private static Server b;

    @BeforeAll
    static void start() {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        address = new StoreAddress(PostgresCluster.shared().createDatabase("console_replicas"), PostgresCluster.USER, null);
        try (Server seeder = new Server()) {
            List<String> lines = StoreTransfer.importFolder(home, seeder.store, seeder.registry, seeder.gate, "ops", false);
            assertTrue(lines.get(0).contains("imported"), lines.toString());
        }
        a = new Server().serve();
        b = new Server().serve();
    }

    @AfterAll
    static void stop() {
        for (Server server : new Server[] {a, b}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aSessionAndADraftOfOneReplicaWorkOnTheOtherAndSigningOutEndsThemEverywhere() throws Exception {
        String shipped = version(a.url());
        String session = ConsoleClient.signIn(a.url(), TOKEN);
        HttpResponse<String> onB = ConsoleClient.get(b.url(), "/console/domains", session);
        assertEquals(200, onB.statusCode());
        assertTrue(onB.body().contains("Signed in as <strong>pia</strong> (publisher)"), onB.body());

        // the fee change (policy: opened units' restocking fee 15% -> 20%, with the scenarios that pin it), uploaded on A
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("returns-policy.xlsx", ReturnsChanges.policyWithFee(dir.resolve("work"), 0.20));
        files.put("change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent());
        String csrfOfA = ConsoleClient.csrf(ConsoleClient.get(a.url(), "/console/domains/returns/change", session).body());
        HttpResponse<String> uploaded = ConsoleClient.upload(a.url(), "returns", session, csrfOfA, files);
        assertEquals(303, uploaded.statusCode(), uploaded.body());
        String draft = ConsoleClient.location(uploaded);
        assertTrue(draft.startsWith("/console/domains/returns/drafts/"), draft);

        // opened on B: the same draft, checked there, listed on B's domain page
        HttpResponse<String> draftOnB = ConsoleClient.get(b.url(), draft, session);
        assertEquals(200, draftOnB.statusCode(), draftOnB.body());
        assertTrue(draftOnB.body().contains("passes the gate"), draftOnB.body());
        assertTrue(ConsoleClient.get(b.url(), "/console/domains/returns", session).body().contains("href=\"" + draft + "\""));

        HttpResponse<String> published = ConsoleClient.post(b.url(), draft + "/publish", session,
                "csrf", ConsoleClient.csrf(draftOnB.body()), "message", "Opened units: restocking fee 20%");
        assertEquals(303, published.statusCode(), published.body());
        String expected = versionWith(files);
        assertNotEquals(shipped, expected);
        awaitVersion(b.url(), expected);
        awaitVersion(a.url(), expected);
        assertEquals(404, ConsoleClient.get(a.url(), draft, session).statusCode(), "a published draft is gone everywhere");

        // signing out on B ends the session on A too
        HttpResponse<String> signedOut = ConsoleClient.post(b.url(), "/console/sign-out", session,
                "csrf", ConsoleClient.csrf(ConsoleClient.get(b.url(), "/console/domains", session).body()));
        assertEquals(302, signedOut.statusCode(), signedOut.body());
        HttpResponse<String> onA = ConsoleClient.get(a.url(), "/console/domains", session);
        assertFalse(onA.body().contains("Signed in as"), onA.body());
        assertEquals(403, ConsoleClient.post(a.url(), "/console/sign-out", session, "csrf", csrfOfA).statusCode(),
                "A no longer takes the cookie's forms");
    }

    @Test
    void anExpiredSessionIsRefusedAndItsRowRemoved() throws Exception {
        a.manager.store().consoleSessions().save(new ConsoleSession("expired-session-id", "pia", AccessRole.PUBLISHER,
                "csrf-of-expired", Instant.now().minusSeconds(1)));
        assertEquals(1, rows("SELECT count(*) FROM console_session WHERE id_sha256 = '"
                + DomainBundle.sha256("expired-session-id".getBytes(StandardCharsets.UTF_8)) + "'"));
        HttpResponse<String> page = ConsoleClient.get(b.url(), "/console/domains", "expired-session-id");
        assertFalse(page.body().contains("Signed in as"), page.body());
        assertEquals(403, ConsoleClient.post(b.url(), "/console/sign-out", "expired-session-id", "csrf", "csrf-of-expired")
                .statusCode());
        assertEquals(0, rows("SELECT count(*) FROM console_session WHERE id_sha256 = '"
                + DomainBundle.sha256("expired-session-id".getBytes(StandardCharsets.UTF_8)) + "'"));
    }

    @Test
    void aSignInRemovesTheSessionsNobodyCameBackFor() throws Exception {
        String forgotten = DomainBundle.sha256("forgotten-session-id".getBytes(StandardCharsets.UTF_8));
        b.manager.store().consoleSessions().save(new ConsoleSession("forgotten-session-id", "pia", AccessRole.PUBLISHER,
                "csrf", Instant.now().minusSeconds(1)));
        assertEquals(1, rows("SELECT count(*) FROM console_session WHERE id_sha256 = '" + forgotten + "'"));
        ConsoleClient.signIn(a.url(), TOKEN);
        assertEquals(0, rows("SELECT count(*) FROM console_session WHERE id_sha256 = '" + forgotten + "'"));
    }

    @Test
    void theTableHoldsTheDigestOfASessionIdNeverTheId() throws Exception {
        String session = ConsoleClient.signIn(b.url(), TOKEN);
        assertEquals(1, rows("SELECT count(*) FROM console_session WHERE id_sha256 = '"
                + DomainBundle.sha256(session.getBytes(StandardCharsets.UTF_8)) + "'"));
        assertEquals(0, rows("SELECT count(*) FROM console_session WHERE id_sha256 = '" + session
                + "' OR name = '" + session + "' OR csrf = '" + session + "'"));
    }

    private static long rows(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(address.url(), PostgresCluster.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The version the shipped returns domain becomes with these files: worked out from the files, not asked of the service. */
    private static String versionWith(Map<String, byte[]> files) {
        Map<String, byte[]> puts = new HashMap<>();
        files.forEach((name, bytes) -> puts.put(DomainFiles.pathFor("returns", name), bytes));
        return DomainLayout.read(home, "returns").with(puts, Set.of()).version();
    }

    private static String version(String server) {
        return ConsoleClient.get(server, "/api/v1/domains/returns/history", null).headers().firstValue("ETag")
                .orElseThrow().replace("\"", "");
    }

    private static void awaitVersion(String server, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            String now = version(server);
            if (now.equals(expected)) {
                return;
            }
            seen.add(now);
            Thread.sleep(200);
        }
        throw new AssertionError(server + " does not serve " + expected + " after " + DEADLINE + "; it served " + seen.get(seen.size() - 1));
    }

    /** One server on the shared store, as {@code serve --store} wires it: the returns domain only, to start fast. */
    private static final class Server implements AutoCloseable {
        final DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover().stream()
                .filter(d -> d.id().equals("returns")).toList());
        final DecisionService service = new DecisionService(registry, Map::of);
        final Gate gate = new Gate(registry, service);
        final PostgresRuleStore store = PostgresRuleStore.open(address);
        final RuleSetManager manager = new RuleSetManager(registry, gate, store);
        private StoreFollower follower;
        private Javalin app;

        Server serve() {
            manager.start();
            follower = new StoreFollower(store, Duration.ofSeconds(2), manager::follow);
            app = ApiServer.create(service, manager, new Metrics(), ApiSettings.defaults()
                    .withTokens(Tokens.parse(List.of("pia:publisher=" + TOKEN)))).start(0);
            return this;
        }

        String url() {
            return "http://localhost:" + app.port();
        }

        @Override
        public void close() {
            if (app != null) {
                app.stop();
            }
            if (follower != null) {
                follower.close();
            }
            store.close();
        }
    }
}
