package smos.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.engine.DomainRegistry;
import smos.service.DecisionService;
import smos.testing.DecisionTableBuilder;
import smos.testing.TestHomes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reproduction 12 over HTTP: a token holder publishes rule code that would run a program, stop the
 * server, sleep or use reflection. Each publish is refused with 422 naming the rule and the call,
 * nothing is written, the code never runs (not in the gate's scenarios, not in a decision after),
 * and the server keeps serving the version it had.
 */
class CodeThatMayRunApiTest {
    private static final String TOKEN = "0123456789abcdef0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAIM = """
            {"claim": {"claimId": "C-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
             "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 199.99, "reason": "CHANGED_MIND",
             "opened": true, "proofOfPurchase": true, "registered": false}}""";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Javalin app;
    private Path home;
    private Path marker;

    @BeforeEach
    void serve() {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        marker = dir.resolve("ran.marker");
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover());
        DecisionService service = new DecisionService(registry, Map::of);
        RuleSetManager manager = new RuleSetManager(registry, new Gate(registry, service), new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
        ApiSettings settings = ApiSettings.defaults().withTokens(Tokens.of(Map.of("ops", TOKEN)));
        app = ApiServer.create(service, manager, new smos.service.Metrics(), settings).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
    }

    private HttpResponse<String> publish(String name, byte[] bytes) throws Exception {
        HttpResponse<String> history = send(to("/api/v1/domains/returns/history").header("Authorization", "Bearer " + TOKEN).GET());
        String serving = history.headers().firstValue("ETag").orElseThrow();
        return send(to("/api/v1/domains/returns/files/" + name).header("Authorization", "Bearer " + TOKEN)
                .header("If-Match", serving).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private String drl(String rule, String then) {
        return """
                package smos.returns.extra;
                import smos.returns.ReturnCase;

                rule "%s"
                    ruleflow-group "outcome"
                when
                    $case: ReturnCase()
                then
                    %s
                end
                """.formatted(rule, then.replace("%MARKER%", marker.toString()));
    }

    /** The answer is 422 with one problem naming the rule and the call; nothing was written or run. */
    private JsonNode refused(HttpResponse<String> answer, String rule, String call, String file) throws Exception {
        assertEquals(422, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problems = JSON.readTree(answer.body()).path("problems");
        JsonNode problem = null;
        for (JsonNode p : problems) {
            if (p.path("message").asText().contains(call)) {
                problem = p;
            }
        }
        assertTrue(problem != null, () -> "no problem names " + call + ": " + answer.body());
        assertTrue(problem.path("message").asText().contains(rule), problem.toString());
        assertEquals(file, problem.path("file").asText());
        assertFalse(Files.exists(marker), "the refused code ran");
        assertFalse(Files.exists(home.resolve(file)), "a refused file was written");
        return problem;
    }

    private void stillDeciding() throws Exception {
        HttpResponse<String> decision = send(to("/api/v1/decisions/returns").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CLAIM)));
        assertEquals(200, decision.statusCode(), decision.body());
        // the shipped policy: opened and returned within the window, refunded less the 15% restocking fee
        assertEquals("REFUND", JSON.readTree(decision.body()).path("decision").path("outcome").asText());
        assertFalse(Files.exists(marker), "the refused code ran on a decision");
    }

    @Test
    void runtimeExecIsRefusedAndNeverRunsNotInTheGateNorAfter() throws Exception {
        HttpResponse<String> answer = publish("evil.drl", drl("TouchMarker",
                "Runtime.getRuntime().exec(new String[] {\"touch\", \"%MARKER%\"});").getBytes());

        JsonNode problem = refused(answer, "TouchMarker", "java.lang.Runtime.exec", "rules/returns/evil.drl");
        assertEquals(9, problem.path("line").asInt(), "the call is on line 9");
        stillDeciding();
    }

    @Test
    void systemExitIsRefusedAndTheServerStaysUp() throws Exception {
        refused(publish("evil.drl", drl("StopTheServer", "System.exit(3);").getBytes()),
                "StopTheServer", "java.lang.System.exit", "rules/returns/evil.drl");

        assertEquals(200, send(to("/health").GET()).statusCode());
        stillDeciding();
    }

    @Test
    void threadSleepIsRefusedWithoutWaiting() throws Exception {
        long started = System.nanoTime();
        refused(publish("evil.drl", drl("SlowRule", "try { Thread.sleep(600000); } catch (InterruptedException e) { }").getBytes()),
                "SlowRule", "java.lang.Thread.sleep", "rules/returns/evil.drl");
        // generous: the gate is refused on reading the rule, long before the ten minutes it asks to sleep
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 120);
    }

    @Test
    void reflectionIsRefused() throws Exception {
        refused(publish("evil.drl", drl("FindsRuntime",
                        "try { Class.forName(\"java.lang.Runtime\"); } catch (Exception e) { }").getBytes()),
                "FindsRuntime", "java.lang.Class.forName", "rules/returns/evil.drl");
        stillDeciding();
    }

    @Test
    void aForbiddenCallInATablesActionCodeCellIsRefusedNamingTheCell() throws Exception {
        DecisionTableBuilder table = new DecisionTableBuilder("Evil")
                .keyword("RuleSet", "smos.returns.evil")
                .keyword("Import", "smos.returns.*")
                .keyword("RULEFLOW-GROUP", "outcome")
                .column("CONDITION", "$case: ReturnCase", "opened == $param", "Opened")
                .column("ACTION", null, "$case.explain(\"$param\"); Runtime.getRuntime().exec(new String[] {\"touch\", \""
                        + marker + "\"});", "Explanation")
                .row("TouchFromTable", true, "Explained");

        JsonNode problem = refused(publish("evil.xlsx", table.bytes()), "TouchFromTable", "java.lang.Runtime.exec",
                "decision-tables/returns/evil.xlsx");
        assertEquals("Evil", problem.path("sheet").asText());
        assertEquals("D" + (table.ruleTableRow() + 3), problem.path("cell").asText(), "the action's code cell");
        stillDeciding();
    }

    @Test
    void refusedCodeOnDiskAtStartUpIsNotServedAndTheLastGoodVersionServes() throws Exception {
        String good = smos.engine.DomainSources.scan(home, "returns").version();
        Files.writeString(home.resolve("rules/returns/evil.drl"), drl("TouchAtStartUp",
                "Runtime.getRuntime().exec(new String[] {\"touch\", \"%MARKER%\"});"));

        DomainRegistry restarted = new DomainRegistry(home, DomainRegistry.discover());
        DecisionService service = new DecisionService(restarted, Map::of);
        new RuleSetManager(restarted, new Gate(restarted, service), new LocalRuleStore(home, dir.resolve("history"))).start();

        smos.engine.DomainState returns = restarted.state("returns").orElseThrow();
        assertEquals(good, returns.active().version(), "serves the version it served before the restart");
        assertTrue(returns.lastRejection().problems().stream().anyMatch(p -> p.message().contains("TouchAtStartUp")
                && p.message().contains("java.lang.Runtime.exec")), returns.lastRejection().problems().toString());
        assertFalse(Files.exists(marker), "the refused code ran at start-up");
    }
}
