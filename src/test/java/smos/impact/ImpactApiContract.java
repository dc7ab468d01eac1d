package smos.impact;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.audit.AuditRecord;
import smos.audit.AuditServices;
import smos.audit.DecisionRecorder;
import smos.audit.JdbcAuditLog;
import smos.common.RequestIds;
import smos.engine.DomainRegistry;
import smos.publish.Gate;
import smos.publish.LocalRuleStore;
import smos.publish.RuleSetManager;
import smos.request.Json;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The impact of a change through a real server with publishing and the decision log on: returns
 * decisions are recorded through the API, then a fee change is tried on them. What should change is
 * worked out here from the requests and the policy (docs/domains/returns.md), not read from the
 * service. Run on H2 and on PostgreSQL by the two subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImpactApiContract {
    private static final String EDITOR = "editor-token-0123456789abcdef";
    private static final String VIEWER = "viewer-token-0123456789abcdef";
    private static final BigDecimal OLD_RATE = new BigDecimal("0.15");
    private static final BigDecimal NEW_RATE = new BigDecimal("0.20");
    private static final String CLAIM = """
            {"claim": {"claimId": "%s", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "%s",
                       "purchaseDate": "%s", "claimDate": "2026-10-31", "purchasePrice": %s,
                       "reason": "%s", "opened": %s, "proofOfPurchase": true, "registered": false}}
            """;

    private Path dir;
    private JdbcAuditLog log;
    private RuleSetManager manager;
    private Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    abstract JdbcAuditLog openLog();

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("smos-impact-");
        log = openLog();
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover().stream()
                .filter(d -> d.id().equals("returns")).toList());
        DecisionService service = new DecisionService(registry, Map::of);
        manager = new RuleSetManager(registry, new Gate(registry, service), new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
        Metrics metrics = new Metrics();
        Tokens tokens = Tokens.parse(List.of("editor:editor=" + EDITOR, "viewer:viewer=" + VIEWER));
        app = ApiServer.create(service, manager, metrics, new AuditServices(new DecisionRecorder(log, true, Set.of(), metrics),
                null), ApiSettings.defaults().withTokens(tokens)).start(0);
    }

    @AfterAll
    void stop() {
        app.stop();
        log.close();
    }

    /** One recorded claim: what the test sent, and the decision id the server gave it. */
    private record Sent(String decisionId, String channel, String reason, boolean opened, long days, BigDecimal price) {
    }

    /** Varied claims: each reason, channel, opened or not, inside and past the 30-day window, prices that round apart and alike. */
    private List<Sent> recordVariedClaims() {
        List<Sent> sent = new ArrayList<>();
        LocalDate claimDate = LocalDate.parse("2026-10-31");
        for (String reason : List.of("CHANGED_MIND", "DEFECTIVE", "DEAD_ON_ARRIVAL")) {
            for (String channel : List.of("DIRECT", "RETAILER")) {
                for (boolean opened : List.of(true, false)) {
                    for (long days : List.of(0L, 10L, 30L, 31L, 45L)) {
                        for (String price : List.of("0.00", "0.10", "199.99", "49.95")) {
                            String body = CLAIM.formatted("IMP-" + sent.size(), channel, claimDate.minusDays(days), price,
                                    reason, opened);
                            Reply r = send(request("/api/v1/decisions/returns", null).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
                            assertEquals(200, r.status(), r::toString);
                            sent.add(new Sent(r.json().path("decisionId").asText(), channel, reason, opened, days,
                                    new BigDecimal(price)));
                        }
                    }
                }
            }
        }
        return sent;
    }

    /**
     * The policy's opened-unit row: a change of mind bought direct, opened, claimed within 30 days, pays
     * the restocking fee (price x rate, half up to cents). Only those decisions can move with the rate,
     * and only where the two fees round to different cents.
     */
    private static boolean feeChanges(Sent s) {
        boolean paysFee = s.reason().equals("CHANGED_MIND") && s.channel().equals("DIRECT") && s.opened() && s.days() <= 30;
        return paysFee && fee(s.price(), OLD_RATE).compareTo(fee(s.price(), NEW_RATE)) != 0;
    }

    private static BigDecimal fee(BigDecimal price, BigDecimal rate) {
        return price.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void aFeeChangeReportsExactlyTheDecisionsWhoseFeeChangesAndPublishesNothing() {
        Instant from = Instant.now();
        List<Sent> sent = recordVariedClaims();
        Instant to = Instant.now().plusSeconds(1);
        Set<String> expected = new HashSet<>();
        sent.stream().filter(ImpactApiContract::feeChanges).forEach(s -> expected.add(s.decisionId()));
        assertTrue(expected.size() >= 4 && expected.size() < sent.size() / 4, "a test that can tell: " + expected.size());
        JsonNode historyBefore = history();

        Reply started = startImpact(Map.of(ReturnsChanges.POLICY.substring(ReturnsChanges.POLICY.lastIndexOf('/') + 1),
                        ReturnsChanges.policyWithFee(dir, 0.20), "change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent()),
                "from=" + from + "&to=" + to, EDITOR);

        assertEquals(202, started.status(), started::toString);
        assertNotNull(started.location());
        JsonNode job = awaitEnd(started.location());
        assertEquals("done", job.path("state").asText(), job::toString);
        JsonNode report = job.path("report");
        assertEquals(sent.size(), report.path("decided").asLong());
        assertEquals(expected.size(), report.path("changed").asLong());
        assertEquals(sent.size() - expected.size(), report.path("unchanged").asLong());
        assertEquals(0, report.path("refused").asLong());
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        report.path("fields").forEach(f -> fields.put(f.path("field").asText(), f));
        assertEquals(Set.of("restockingFee", "refundAmount"), fields.keySet());
        for (JsonNode field : fields.values()) {
            assertEquals(expected.size(), field.path("count").asLong());
            assertEquals(Math.min(expected.size(), 20), field.path("examples").size());
            for (JsonNode example : field.path("examples")) {
                assertTrue(expected.contains(example.path("decisionId").asText()), example::toString);
            }
        }
        for (JsonNode example : fields.get("restockingFee").path("examples")) {
            Sent s = sent.stream().filter(x -> x.decisionId().equals(example.path("decisionId").asText())).findFirst().orElseThrow();
            assertEquals(0, fee(s.price(), OLD_RATE).compareTo(example.path("before").decimalValue()), example::toString);
            assertEquals(0, fee(s.price(), NEW_RATE).compareTo(example.path("after").decimalValue()), example::toString);
        }
        assertEquals(0, report.path("rules").size(), "the same rows fire, only the fee differs: " + report.path("rules"));
        assertEquals(0, report.path("untested").size(), "the 199.99 scenario pins the new rate: " + report.path("untested"));
        String feeCell = Workbooks.cellOf(TestHomes.REPO.resolve(ReturnsChanges.POLICY), "Outcome",
                "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        List<String> cells = new ArrayList<>();
        report.path("changedCells").forEach(c -> cells.add(c.path("sheet").asText() + "!" + c.path("cell").asText()
                + " " + c.path("row").asText() + " " + c.path("before").asText() + " -> " + c.path("after").asText()));
        assertEquals(1, cells.size(), cells::toString);
        assertTrue(cells.get(0).startsWith("Outcome!" + feeCell + " ChangedMindOpenedIsRefundedLessFee 0.15 -> 0.2"), cells::toString);

        // nothing was published: the same version serves, the history is as it was, and decisions keep the old fee
        assertEquals(historyBefore, history());
        assertEquals(report.path("activeVersion").asText(), manager.baseVersion("returns"));
        assertTrue(!report.path("activeVersion").asText().equals(report.path("candidateVersion").asText()));
        Reply decided = send(request("/api/v1/decisions/returns", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CLAIM.formatted("IMP-AFTER", "DIRECT", "2026-10-21", "199.99",
                        "CHANGED_MIND", true))));
        assertEquals(0, new BigDecimal("30.00").compareTo(decided.json().at("/decision/restockingFee").decimalValue()));
    }

    @Test
    void aThresholdChangeNoScenarioPinsIsFlaggedAndTheRowsThatFireDifferentlyAreCounted() throws IOException {
        Instant from = Instant.now();
        List<Sent> sent = recordVariedClaims();
        Instant to = Instant.now().plusSeconds(1);
        // the opened-unit window moves from 30 to 35 days; the one scenario it breaks (opened, day 31, denied) is
        // dropped, as a hurried editor would: every scenario left passes, and none sits at the new boundary
        Path copy = dir.resolve("policy-window.xlsx");
        Files.copy(TestHomes.REPO.resolve(ReturnsChanges.POLICY), copy, StandardCopyOption.REPLACE_EXISTING);
        String cell = Workbooks.cellOf(copy, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Claimed at most");
        Workbooks.set(copy, "Outcome", cell, 35);
        String scenarios = Files.readString(TestHomes.REPO.resolve(ReturnsChanges.CHANGE_OF_MIND));
        int start = scenarios.indexOf("  - name: opened unit returned on day 31 is denied");
        int end = scenarios.indexOf("\n\n", start);
        assertTrue(start > 0 && end > start, "the change-of-mind scenarios changed; update this test");
        String fewer = scenarios.substring(0, start) + scenarios.substring(end + 2);
        // worked out from the policy: an opened change of mind bought direct, claimed on day 31 to 35, was denied
        // by the after-window row and is now refunded less the fee; nothing else moves
        long moved = sent.stream().filter(s -> s.reason().equals("CHANGED_MIND") && s.channel().equals("DIRECT")
                && s.opened() && s.days() > 30 && s.days() <= 35).count();
        assertTrue(moved > 0);

        Reply started = startImpact(Map.of("returns-policy.xlsx", Files.readAllBytes(copy),
                "change-of-mind.yaml", fewer.getBytes(StandardCharsets.UTF_8)), "from=" + from + "&to=" + to, EDITOR);

        assertEquals(202, started.status(), started::toString);
        JsonNode report = awaitEnd(started.location()).path("report");
        assertEquals(sent.size(), report.path("decided").asLong(), report::toString);
        assertEquals(moved, report.path("changed").asLong(), report::toString);
        Map<String, long[]> rules = new LinkedHashMap<>();
        report.path("rules").forEach(r -> rules.put(r.path("rule").asText(),
                new long[] {r.path("before").asLong(), r.path("after").asLong()}));
        assertEquals(Set.of("ChangedMindAfterWindowIsDenied", "ChangedMindOpenedIsRefundedLessFee"), rules.keySet());
        long[] denied = rules.get("ChangedMindAfterWindowIsDenied");
        long[] refunded = rules.get("ChangedMindOpenedIsRefundedLessFee");
        assertEquals(-moved, denied[1] - denied[0]);
        assertEquals(moved, refunded[1] - refunded[0]);
        boolean flagged = false;
        for (JsonNode warning : report.path("untested")) {
            flagged |= cell.equals(warning.path("cell").asText()) && "Outcome".equals(warning.path("sheet").asText())
                    && warning.path("message").asText().contains("no scenario notices");
        }
        assertTrue(flagged, () -> "the untested threshold " + cell + " is flagged: " + report.path("untested"));
    }

    @Test
    void theCliStartsARunAndPrintsTheReport() throws Exception {
        Instant from = Instant.now();
        List<String> changed = new ArrayList<>();
        for (String price : List.of("199.99", "49.95", "0.10")) {
            Reply r = send(request("/api/v1/decisions/returns", null).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CLAIM.formatted("IMP-CLI-" + price, "DIRECT", "2026-10-21",
                            price, "CHANGED_MIND", true))));
            assertEquals(200, r.status(), r::toString);
            if (fee(new BigDecimal(price), OLD_RATE).compareTo(fee(new BigDecimal(price), NEW_RATE)) != 0) {
                changed.add(r.json().path("decisionId").asText());
            }
        }
        Instant to = Instant.now().plusSeconds(1);
        Path tokens = Files.writeString(dir.resolve("cli-tokens"), "editor:editor=" + EDITOR + "\n");
        Path policy = Files.write(dir.resolve("returns-policy.xlsx"), ReturnsChanges.policyWithFee(dir, 0.20));
        Path scenarios = Files.write(dir.resolve("change-of-mind.yaml"), ReturnsChanges.scenariosForTwentyPercent());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        int exit;
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit = smos.cli.Main.run("impact", "returns", policy.toString(), scenarios.toString(), "--from", from.toString(),
                    "--to", to.toString(), "--server", "http://localhost:" + app.port(), "--token-file", tokens.toString());
        } finally {
            System.setOut(original);
        }
        String report = out.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit, report);
        assertTrue(report.contains("decided    3\n"), report);
        assertTrue(report.contains("changed    " + changed.size() + "\n"), report);
        assertTrue(report.contains("restockingFee"), report);
        changed.forEach(id -> assertTrue(report.contains(id), report));
        assertTrue(report.contains("ChangedMindOpenedIsRefundedLessFee"), report);
    }

    @Test
    void aRefusedCandidateReportsTheGatesProblemsAndDecidesNothing() throws IOException {
        Path copy = dir.resolve("policy-word.xlsx");
        Files.copy(TestHomes.REPO.resolve(ReturnsChanges.POLICY), copy, StandardCopyOption.REPLACE_EXISTING);
        String cell = Workbooks.cellOf(copy, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(copy, "Outcome", cell, "twenty");

        Reply refused = startImpact(Map.of("returns-policy.xlsx", Files.readAllBytes(copy)), "", EDITOR);

        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.location() == null, "no run was started");
        boolean named = false;
        for (JsonNode problem : refused.json().path("problems")) {
            named |= "Outcome".equals(problem.path("sheet").asText()) && cell.equals(problem.path("cell").asText());
        }
        assertTrue(named, refused::toString);
        assertTrue(refused.json().path("detail").asText().contains("nothing was decided"), refused::toString);
    }

    @Test
    void aViewerMayNotRunAnImpactAndAnUnknownVersionIsNotFound() {
        Reply viewer = send(request("/api/v1/domains/returns/impact?version=abc", VIEWER).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, viewer.status(), viewer::toString);
        assertEquals(401, send(request("/api/v1/domains/returns/impact?version=abc", null)
                .POST(HttpRequest.BodyPublishers.noBody())).status());
        Reply unknown = send(request("/api/v1/domains/returns/impact?version=000000000000", EDITOR)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, unknown.status(), unknown::toString);
        Reply limit = send(request("/api/v1/domains/returns/impact?version=000000000000&limit=0", EDITOR)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(400, limit.status(), limit::toString);
        assertEquals("limit", limit.json().at("/errors/0/field").asText());
    }

    @Test
    void aSecondRunOnTheDomainIsRefusedWhileOneRunsAndCancelStopsIt() throws Exception {
        // many recorded claims in a window of their own (2020), written straight to the log: a run long enough to catch
        int seeded = 60_000;
        Instant day = Instant.parse("2020-01-01T00:00:00Z");
        String version = manager.baseVersion("returns");
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < seeded; i++) {
            writes.add(log.append(new AuditRecord(RequestIds.at(day.plusMillis(i)), day.plusMillis(i), "returns", version, "seed", 200, 1L,
                    CLAIM.formatted("SEED-" + i, "DIRECT", "2026-10-21", (i % 500) + ".99", "CHANGED_MIND", true),
                    "{}", "[]", null, null, null)));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        Map<String, byte[]> fee = Map.of("returns-policy.xlsx", ReturnsChanges.policyWithFee(dir, 0.20),
                "change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent());
        String window = "from=2020-01-01&to=2020-01-02&limit=" + seeded;

        Reply first = startImpact(fee, window, EDITOR);
        assertEquals(202, first.status(), first::toString);
        Reply second = startImpact(fee, window, EDITOR);
        Reply cancelled = send(request(first.location(), EDITOR).DELETE());

        assertEquals(409, second.status(), second::toString);
        assertTrue(second.json().path("detail").asText().contains(first.json().path("id").asText()), second::toString);
        assertEquals(200, cancelled.status(), cancelled::toString);
        JsonNode end = awaitEnd(first.location());
        assertEquals("cancelled", end.path("state").asText(), end::toString);
        assertTrue(end.path("decided").asLong() < seeded, end::toString);
        // the slot is free again: a run of a version of the history (the one serving) starts and finds nothing changed
        Reply again = send(request("/api/v1/domains/returns/impact?version=" + version + "&" + window.replace(
                "limit=" + seeded, "limit=1000"), EDITOR).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, again.status(), again::toString);
        JsonNode same = awaitEnd(again.location());
        assertEquals("done", same.path("state").asText(), same::toString);
        assertEquals(1000, same.at("/report/decided").asLong());
        assertEquals(0, same.at("/report/changed").asLong());
    }

    private JsonNode history() {
        return send(request("/api/v1/domains/returns/history", EDITOR).GET()).json();
    }

    private JsonNode awaitEnd(String location) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Reply r = send(request(location, VIEWER).GET());
            assertEquals(200, r.status(), r::toString);
            if (!"running".equals(r.json().path("state").asText())) {
                return r.json();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the impact run did not end within 3 minutes: " + location);
    }

    private Reply startImpact(Map<String, byte[]> files, String query, String token) {
        String boundary = "b" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        files.forEach((name, bytes) -> {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(bytes);
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/v1/domains/returns/impact" + (query.isEmpty() ? "" : "?" + query), token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofMinutes(3));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, String contentType, String body, String location) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
