package smos.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.request.Json;
import smos.testing.SmosProcess;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live rule changes against the packaged jar running as a child process: files saved the way Excel
 * saves them (a temporary file, then a rename), publishing over HTTP, history and rollback, restarts.
 */
class LiveRuleChangesIT {
    private static final String TOKEN = "it-" + UUID.randomUUID();
    private static final String POLICY = "decision-tables/returns/returns-policy.xlsx";
    private static final String CHANGE_OF_MIND = "scenarios/returns/change-of-mind.yaml";
    private static final String CLAIM = """
            {"claim": {"claimId": "C-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                       "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 199.99,
                       "reason": "CHANGED_MIND", "opened": true, "proofOfPurchase": true, "registered": false}}
            """;

    @TempDir
    Path work;

    private Path home;
    private SmosProcess smos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        home = TestHomes.copyOfShipped(Files.createDirectories(work.resolve("home")));
        Path tokens = work.resolve("tokens");
        Files.writeString(tokens, "# publishers\nrita=" + TOKEN + "\n");
        smos = new SmosProcess(home, work.resolve("history"), Map.of(), "--token-file", tokens.toString(),
                "--reload-delay", "200").start();
    }

    @AfterEach
    void stop() {
        smos.close();
    }

    // ---- the fee-rate change a business user makes, and the expectations it changes

    /** The shipped workbook with the opened-unit restocking fee rate set to {@code rate}. */
    private byte[] policyWithFee(double rate) {
        return ReturnsChanges.policyWithFee(work, rate);
    }

    /** The change-of-mind scenarios with the opened-unit expectations of a 20% fee, worked out by hand. */
    private static byte[] scenariosForTwentyPercent() {
        return ReturnsChanges.scenariosForTwentyPercent();
    }

    /** Saves the way Excel does: write a temporary file next to the target, then rename it over the target. */
    private void saveLikeExcel(String path, byte[] bytes) throws IOException {
        Path target = home.resolve(path);
        Path temp = target.resolveSibling(Long.toHexString(System.nanoTime()).toUpperCase());
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // ---- HTTP

    private record Reply(int status, JsonNode body) {
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(smos.baseUrl() + path));
    }

    private Reply decide() {
        return send(request("/api/v1/decisions/returns").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CLAIM)));
    }

    /** The returns entry of /api/v1/rulesets, found by its id: the list is sorted by domain id. */
    private JsonNode returnsRuleset() {
        for (JsonNode ruleset : send(request("/api/v1/rulesets").GET()).body()) {
            if (ruleset.path("domain").asText().equals("returns")) {
                return ruleset;
            }
        }
        throw new AssertionError("no returns entry in /api/v1/rulesets");
    }

    /** The If-Match of a change built on the version serving now: the ETag of the history. */
    private String base() {
        try {
            return http.send(request("/api/v1/domains/returns/history").GET().build(), HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on the history"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply putFile(String name, byte[] bytes, String token) {
        HttpRequest.Builder request = request("/api/v1/domains/returns/files/" + name).header("If-Match", base())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private Reply publishTogether(Map<String, byte[]> files, String message) {
        String boundary = "b" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(file.getValue());
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n")
                .append(message).append("\r\n--").append(boundary).append("--\r\n");
        parts.add(head.toString().getBytes(StandardCharsets.UTF_8));
        return send(request("/api/v1/domains/returns/publish")
                .header("Authorization", "Bearer " + TOKEN).header("If-Match", base())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    }

    private JsonNode waitFor(String what, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = returnsRuleset();
            if (condition.test(last)) {
                return last;
            }
            SmosProcess.sleep(50);
        }
        throw new AssertionError(what + " did not happen within " + timeout + "; rulesets: " + last);
    }

    private static BigDecimal fee(Reply reply) {
        return reply.body().at("/decision/restockingFee").decimalValue();
    }

    private String sha256(String path) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(home.resolve(path))));
    }

    // ---- the cases of issue 6

    @Test
    void aSavedValueChangeWithItsExpectationGoesLiveWithinFiveSeconds() throws Exception {
        Reply before = decide();
        assertEquals(new BigDecimal("30.00"), fee(before));
        byte[] policy = policyWithFee(0.2);
        byte[] scenarios = scenariosForTwentyPercent();

        long saved = System.nanoTime();
        saveLikeExcel(POLICY, policy);
        saveLikeExcel(CHANGE_OF_MIND, scenarios);
        Reply after = decide();
        while (fee(after).compareTo(new BigDecimal("40.00")) != 0 && System.nanoTime() - saved < Duration.ofSeconds(5).toNanos()) {
            SmosProcess.sleep(50);
            after = decide();
        }
        long millis = (System.nanoTime() - saved) / 1_000_000;

        assertEquals(new BigDecimal("40.00"), fee(after), "the new fee did not serve within 5 s");
        assertNotEquals(before.body().path("rulesetVersion").asText(), after.body().path("rulesetVersion").asText());
        assertTrue(millis <= 5000, "took " + millis + " ms");
        System.out.println("live reload: the new version served " + millis + " ms after the save");
    }

    @Test
    void aBrokenSpreadsheetLeavesThePreviousVersionServingAndNamesTheCell() throws Exception {
        String version = decide().body().path("rulesetVersion").asText();
        Path broken = work.resolve("broken.xlsx");
        Files.copy(home.resolve(POLICY), broken);
        String cell = Workbooks.cellOf(broken, "Outcome", "DeadOnArrivalGetsAdvanceReplacement", "Defective unit due back");
        Workbooks.set(broken, "Outcome", cell, "thirty");

        saveLikeExcel(POLICY, Files.readAllBytes(broken));

        JsonNode ruleset = waitFor("the rejection of the word in a numeric cell",
                r -> r.at("/lastRejected/problems/0/cell").asText().equals(cell), Duration.ofSeconds(10));
        assertEquals("STALE", ruleset.path("status").asText());
        assertEquals("Outcome", ruleset.at("/lastRejected/problems/0/sheet").asText());
        assertEquals(version, ruleset.path("activeVersion").asText());
        Reply still = decide();
        assertEquals(200, still.status());
        assertEquals(version, still.body().path("rulesetVersion").asText());
        assertEquals(new BigDecimal("30.00"), fee(still));
    }

    @Test
    void aChangeThatBreaksAScenarioLeavesThePreviousVersionServingAndNamesTheScenario() throws Exception {
        String version = decide().body().path("rulesetVersion").asText();

        saveLikeExcel(POLICY, policyWithFee(0.2));

        JsonNode ruleset = waitFor("the rejection of the unexpected fee",
                r -> r.at("/lastRejected/failures").size() > 0, Duration.ofSeconds(10));
        JsonNode failure = ruleset.at("/lastRejected/failures/0");
        assertEquals(CHANGE_OF_MIND, failure.path("file").asText());
        assertTrue(failure.path("scenario").asText().contains("restocking fee"), failure.toString());
        assertTrue(List.of("restockingFee", "refundAmount").contains(failure.path("field").asText()), failure.toString());
        assertEquals(version, decide().body().path("rulesetVersion").asText());
        assertEquals(new BigDecimal("30.00"), fee(decide()));
    }

    @Test
    void twentyReloadsUnderFourBusyClientsFailNoRequestAndEachAnswerMatchesItsVersion() throws Exception {
        byte[] policyA = Files.readAllBytes(home.resolve(POLICY));
        byte[] scenariosA = Files.readAllBytes(home.resolve(CHANGE_OF_MIND));
        byte[] policyB = policyWithFee(0.2);
        byte[] scenariosB = scenariosForTwentyPercent();
        String versionA = decide().body().path("rulesetVersion").asText();
        Map<String, BigDecimal> feeByVersion = new ConcurrentHashMap<>();
        feeByVersion.put(versionA, new BigDecimal("30.00"));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, List<BigDecimal>> seen = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    try {
                        Reply reply = decide();
                        requests.incrementAndGet();
                        if (reply.status() != 200) {
                            failures.add("HTTP " + reply.status() + ": " + reply.body());
                        } else {
                            seen.computeIfAbsent(reply.body().path("rulesetVersion").asText(),
                                    v -> java.util.Collections.synchronizedList(new ArrayList<>())).add(fee(reply));
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        String versionB = null;
        for (int reload = 1; reload <= 20; reload++) {
            boolean toB = reload % 2 == 1;
            saveLikeExcel(POLICY, toB ? policyB : policyA);
            saveLikeExcel(CHANGE_OF_MIND, toB ? scenariosB : scenariosA);
            String expected = toB ? versionB : versionA;
            JsonNode now = waitFor("reload " + reload, r -> expected == null
                    ? !r.path("activeVersion").asText().equals(versionA) && r.path("lastRejected").isNull()
                    : r.path("activeVersion").asText().equals(expected), Duration.ofSeconds(20));
            if (toB && versionB == null) {
                versionB = now.path("activeVersion").asText();
                feeByVersion.put(versionB, new BigDecimal("40.00"));
            }
        }
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        assertEquals(List.of(), failures, "failed requests");
        assertTrue(requests.get() > 100, "the clients were not busy: " + requests.get() + " requests");
        assertEquals(feeByVersion.keySet(), seen.keySet(), "answers came from versions other than A and B");
        for (Map.Entry<String, List<BigDecimal>> answers : seen.entrySet()) {
            BigDecimal expected = feeByVersion.get(answers.getKey());
            assertTrue(answers.getValue().stream().allMatch(f -> f.compareTo(expected) == 0),
                    "version " + answers.getKey() + " answered a fee other than " + expected);
        }
        System.out.println("20 reloads under 4 clients: " + requests.get() + " requests, 0 failed");
    }

    @Test
    void publishingIsGuardedRecordedAndRolledBackAcrossRestarts() throws Exception {
        String originalPolicy = sha256(POLICY);
        String version = decide().body().path("rulesetVersion").asText();
        byte[] policyB = policyWithFee(0.2);

        // refused: no token, a wrong token, a code-injecting cell value; nothing changes
        assertEquals(401, putFile("returns-policy.xlsx", policyB, null).status());
        assertEquals(401, putFile("returns-policy.xlsx", policyB, TOKEN + "x").status());
        Path injected = work.resolve("injected.xlsx");
        Files.copy(home.resolve(POLICY), injected);
        String cell = Workbooks.cellOf(injected, "Outcome", "LiquidDamageIsDenied", "Reason given");
        Workbooks.set(injected, "Outcome", cell, "\"); System.exit(0); (\"");
        Reply refused = putFile("returns-policy.xlsx", Files.readAllBytes(injected), TOKEN);
        assertEquals(422, refused.status(), refused.body()::toString);
        assertEquals(cell, refused.body().at("/problems/0/cell").asText());
        Path numeric = work.resolve("numeric.xlsx");
        Files.copy(home.resolve(POLICY), numeric);
        Workbooks.set(numeric, "Outcome", Workbooks.cellOf(numeric, "Outcome", "DeadOnArrivalGetsAdvanceReplacement",
                "Defective unit due back"), "1; foo()");
        assertEquals(422, putFile("returns-policy.xlsx", Files.readAllBytes(numeric), TOKEN).status());
        assertEquals(originalPolicy, sha256(POLICY), "a refused publish changed the file");
        assertEquals(version, decide().body().path("rulesetVersion").asText());
        assertFalse(smos.output().contains(TOKEN), "a token reached the log");

        // a good publish: the table and the expectations it changes, together
        Reply published = publishTogether(Map.of("returns-policy.xlsx", policyB,
                "change-of-mind.yaml", scenariosForTwentyPercent()), "fee 20%");
        assertEquals(200, published.status(), published.body()::toString);
        String versionB = published.body().path("version").asText();
        assertEquals("rita", published.body().path("publishedBy").asText());
        assertEquals(new BigDecimal("40.00"), fee(decide()));
        JsonNode history = send(request("/api/v1/domains/returns/history").GET()).body();
        assertEquals(versionB, history.get(0).path("version").asText());
        assertEquals("rita", history.get(0).path("publishedBy").asText());
        assertTrue(history.get(0).path("files").get(0).path("sha256").asText().length() == 64);

        // rollback restores the previous bytes exactly
        Reply rolled = send(request("/api/v1/domains/returns/rollback").header("Authorization", "Bearer " + TOKEN)
                .header("If-Match", base())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\": \"" + version + "\"}")));
        assertEquals(200, rolled.status(), rolled.body()::toString);
        assertEquals(originalPolicy, sha256(POLICY));
        assertEquals(version, decide().body().path("rulesetVersion").asText());

        // both survive a restart
        smos.restart();
        assertEquals(version, decide().body().path("rulesetVersion").asText());
        JsonNode after = send(request("/api/v1/domains/returns/history").GET()).body();
        assertEquals("rollback", after.get(0).path("action").asText());
        assertTrue(after.toString().contains(versionB), "the published version left the history");

        // files that do not compile at start-up: the last good version serves from the history
        smos.stop();
        Path broken = home.resolve(POLICY);
        Workbooks.set(broken, "Warranty", Workbooks.cellOf(broken, "Warranty", "NewSwitchWarranty", "Warranty"), "five years");
        smos.start();
        JsonNode health = send(request("/health").GET()).body();
        assertEquals("DEGRADED", health.path("status").asText());
        assertEquals("STALE", health.at("/domains/returns/status").asText());
        assertEquals("history", health.at("/domains/returns/servingFrom").asText());
        assertEquals(version, decide().body().path("rulesetVersion").asText());
        assertFalse(smos.output().contains(TOKEN), "a token reached the log");
    }

    @Test
    void codeRowsChangedOnDiskWaitForAPublish() throws Exception {
        Path edited = work.resolve("code.xlsx");
        Files.copy(home.resolve(POLICY), edited);
        // a harmless code change: one more import in the RuleSet area
        Workbooks.withSheet(edited, "DeadOnArrival", true, sheet -> sheet.forEach(row -> row.forEach(c -> {
            if (c.toString().equals("smos.returns.*")) {
                c.setCellValue("smos.returns.*, java.util.List");
            }
        })));

        saveLikeExcel(POLICY, Files.readAllBytes(edited));

        JsonNode ruleset = waitFor("the refusal of a code-row change from disk",
                r -> r.at("/lastRejected/problems/0/message").asText().contains("published with the token"),
                Duration.ofSeconds(60)); // generous: the first rebuild of a fresh server compiles Drools cold
        assertEquals("DeadOnArrival", ruleset.at("/lastRejected/problems/0/sheet").asText());
        Reply published = putFile("returns-policy.xlsx", Files.readAllBytes(edited), TOKEN);
        assertEquals(200, published.status(), published.body()::toString);
        assertTrue(published.body().path("codeChanged").asBoolean());
        JsonNode latest = send(request("/api/v1/domains/returns/history").GET()).body().get(0);
        assertTrue(latest.path("codeChanges").get(0).asText().contains("sheet DeadOnArrival"), latest.toString());
    }
}
