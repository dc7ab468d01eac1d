package smos.console;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.audit.AuditServices;
import smos.audit.DecisionRecorder;
import smos.audit.JdbcAuditLog;
import smos.engine.DomainRegistry;
import smos.publish.Gate;
import smos.publish.LocalRuleStore;
import smos.publish.RuleSetManager;
import smos.request.Json;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.HeadlessBrowser;
import smos.testing.PublishingServer;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The impact of a change from the console, in a real headless browser against a real server with the
 * decision log on (an H2 file database in the server's home): returns decisions are recorded through the
 * API, a fee change is checked on the change page and its impact run over them; the report must name as
 * changed exactly the decisions worked out here from the requests and the policy (docs/domains/returns.md),
 * the changed cell, and, for a threshold change no scenario pins, the untested warning.
 *
 * <p>To watch a run while it runs, the test holds the audit database in H2's exclusive mode (other
 * connections' statements wait until it ends, as behind a busy database): the run's read waits, its page
 * shows it running, htmx replaces the progress section every second, and a cancel takes. Nothing is
 * stubbed: the same server, log and runs serve the API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleImpactBrowserTest {
    private static final String EDITOR_TOKEN = "eda-edits-values-0123456789";
    private static final String VIEWER_TOKEN = "val-only-looks-0123456789";
    private static final BigDecimal OLD_RATE = new BigDecimal("0.15");
    private static final BigDecimal NEW_RATE = new BigDecimal("0.20");
    private static final String CLAIM = """
            {"claim": {"claimId": "%s", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "%s",
                       "purchaseDate": "%s", "claimDate": "2026-10-31", "purchasePrice": %s,
                       "reason": "%s", "opened": %s, "proofOfPurchase": true, "registered": false}}
            """;

    @TempDir
    static Path dir;
    private static Path home;
    private static String auditUrl;
    private static JdbcAuditLog log;
    private static Javalin app;
    private static String url;
    private static WebDriver browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final List<Sent> SENT = new ArrayList<>();
    private static String feeCell;
    private static String firstRun;

    /** One recorded claim: what the test sent, and the decision id the server gave it. */
    private record Sent(String decisionId, String channel, String reason, boolean opened, long days, BigDecimal price) {
    }

    @BeforeAll
    static void start() {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        Path audit = home.resolve(".smos/audit");
        log = JdbcAuditLog.h2(audit);
        // the URL JdbcAuditLog.h2 opens: the same embedded database, for the test's own connection below
        auditUrl = "jdbc:h2:file:" + audit.toAbsolutePath().resolve("audit") + ";WRITE_DELAY=0";
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover().stream()
                .filter(d -> d.id().equals("returns")).toList());
        DecisionService service = new DecisionService(registry, Map::of);
        RuleSetManager manager = new RuleSetManager(registry, new Gate(registry, service),
                new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
        Metrics metrics = new Metrics();
        Tokens tokens = Tokens.parse(List.of("eda:editor=" + EDITOR_TOKEN, "val:viewer=" + VIEWER_TOKEN));
        app = ApiServer.create(service, manager, metrics, new AuditServices(new DecisionRecorder(log, true, Set.of(), metrics),
                null), ApiSettings.defaults().withTokens(tokens)).start(0);
        url = "http://localhost:" + app.port();
        browser = HeadlessBrowser.shared();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(800, 1000));
    }

    @AfterAll
    static void stop() {
        browser.manage().deleteAllCookies();
        app.stop();
        log.close();
    }

    @Test
    @Order(1)
    void htmxIsServedByTheConsoleItself() throws Exception {
        HttpResponse<String> asset = get("/console/assets/htmx.min.js", null, Map.of());
        assertEquals(200, asset.statusCode());
        assertTrue(asset.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(asset.body().contains("htmx"), "the file is htmx");
        signIn(EDITOR_TOKEN);
        WebElement script = browser.findElement(By.cssSelector("head script[src]"));
        assertEquals("/console/assets/htmx.min.js", URI.create(script.getAttribute("src")).getPath());
        Object loaded = HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return typeof htmx === 'object' && typeof htmx.version === 'string' ? htmx.version : null;"));
        assertTrue(loaded.toString().startsWith("2."), "htmx 2 ran in the page: " + loaded);
    }

    @Test
    @Order(2)
    void theImpactOfAFeeChangeNamesExactlyTheDecisionsWhoseFeeChanges() throws Exception {
        recordVariedClaims();
        Set<String> expected = new HashSet<>();
        SENT.stream().filter(ConsoleImpactBrowserTest::feeChanges).forEach(s -> expected.add(s.decisionId()));
        assertTrue(expected.size() >= 4 && expected.size() < SENT.size() / 4, "a test that can tell: " + expected.size());
        feeCell = Workbooks.cellOf(home.resolve(ReturnsChanges.POLICY), "Outcome", "ChangedMindOpenedIsRefundedLessFee",
                "Restocking fee rate");

        checkTheFeeChange("fee");
        WebElement offer = browser.findElement(By.cssSelector("section.impact-offer"));
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC).toString(), browser.findElement(By.id("impact-to")).getAttribute("value"));
        assertFalse(browser.findElement(By.id("impact-from")).getAttribute("value").isEmpty(), "a window is proposed");
        assertTrue(offer.getText().contains("Nothing is published"), offer.getText());

        // the draft the change page is about: a second start names it as the page's form does
        String draft = offer.findElement(By.cssSelector("form.impact input[name=draft]")).getAttribute("value");
        try (Connection busy = holdTheAuditDatabase()) {
            offer.findElement(By.cssSelector("form.impact button")).click();
            HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/impact/"));
            firstRun = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
            WebElement section = browser.findElement(By.id("impact"));
            assertEquals("running", section.getAttribute("data-state"), "the run waits for the database");
            assertEquals("every 1s", section.getAttribute("hx-trigger"));

            // htmx replaces the section with a fresh one every second, and the page itself is never reloaded
            ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
            HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(section));
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"));

            // without JavaScript: the page refreshes itself and has a refresh link; htmx asks for the section alone
            String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
            HttpResponse<String> plain = get(path(firstRun), session, Map.of());
            assertEquals(200, plain.statusCode());
            assertTrue(plain.body().contains("<noscript><meta http-equiv=\"refresh\""), plain.body());
            assertTrue(plain.body().contains("Refresh</a>"), plain.body());
            HttpResponse<String> fragment = get(path(firstRun), session, Map.of("HX-Request", "true"));
            assertEquals(200, fragment.statusCode());
            assertTrue(fragment.body().strip().startsWith("<section id=\"impact\""), fragment.body());
            assertFalse(fragment.body().contains("<html"), "the section only");

            // one run per domain: a second start, from the console or the API, is told which run holds the slot
            HttpResponse<String> second = post("/console/domains/returns/impact", session, form("csrf", csrfOfThePage(),
                    "draft", draft, "from", "", "to", "", "limit", "10"));
            assertEquals(409, second.statusCode(), second.body());
            assertTrue(second.body().contains("already running"), second.body());
            assertTrue(second.body().contains(path(firstRun)), "the page links the run going on");
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/domains/returns/impact?version=x"))
                    .header("Authorization", "Bearer " + EDITOR_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(409, api.statusCode(), api.body());
            assertTrue(api.body().contains(firstRun), api.body());
        }

        // the database is free again: the run ends, htmx puts the report in place, and polling stops
        HeadlessBrowser.waitUpTo(Duration.ofMinutes(3)).until(d -> !d.findElements(
                By.cssSelector("section#impact[data-state=done]")).isEmpty());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"),
                "the report came by htmx, not by reloading the page");
        Thread.sleep(1_500); // a poll sent just before the run ended may still be answered
        WebElement done = browser.findElement(By.cssSelector("section#impact[data-state=done]"));
        assertEquals(null, done.getAttribute("hx-trigger"), "a finished run does not poll");
        assertEquals(SENT.size(), count("decided"));
        assertEquals(expected.size(), count("changed"), "exactly the decisions whose fee rounds differently");
        assertEquals(SENT.size() - expected.size(), count("unchanged"));
        assertEquals(0, count("refused"));
        for (String field : List.of("restockingFee", "refundAmount")) {
            String heading = browser.findElement(By.cssSelector("h3.field[data-field='" + field + "']")).getText();
            assertTrue(heading.contains("changes in " + expected.size() + " decision"), heading);
        }
        List<WebElement> examples = browser.findElements(By.cssSelector("h3.field[data-field='restockingFee'] + div tr[data-decision]"));
        assertEquals(Math.min(expected.size(), 20), examples.size());
        for (WebElement example : examples) {
            String id = example.getAttribute("data-decision");
            assertTrue(expected.contains(id), id);
            assertEquals("/console/audit/" + id, URI.create(example.findElement(By.cssSelector("a")).getAttribute("href")).getPath());
            Sent s = SENT.stream().filter(x -> x.decisionId().equals(id)).findFirst().orElseThrow();
            assertEquals(0, fee(s.price(), OLD_RATE).compareTo(new BigDecimal(example.findElement(By.cssSelector(".before")).getText())));
            assertEquals(0, fee(s.price(), NEW_RATE).compareTo(new BigDecimal(example.findElement(By.cssSelector(".after")).getText())));
        }
        WebElement cell = browser.findElement(By.cssSelector("table.changed-cells tr[data-cell='Outcome!" + feeCell + "']"));
        assertTrue(cell.getText().contains("ChangedMindOpenedIsRefundedLessFee"), cell.getText());
        assertEquals("0.15", cell.findElement(By.cssSelector(".before")).getText().strip());
        assertEquals(0.20, Double.parseDouble(cell.findElement(By.cssSelector(".after")).getText().strip()), 1e-9);
        assertTrue(browser.findElements(By.cssSelector("table.rules")).isEmpty(), "the same rows fire; only the fee differs");
        assertTrue(browser.findElements(By.cssSelector("ul.untested")).isEmpty(), "the 199.99 scenario pins the new rate");
        ConsoleBrowserTest.checkPage(browser, "impact");

        // polling has stopped: the section stays the same element (a stale one would throw here)
        Thread.sleep(2_500);
        assertEquals("done", done.getAttribute("data-state"));
    }

    @Test
    @Order(3)
    void aThresholdChangeNoScenarioPinsIsFlaggedAndTheRowsThatFireDifferentlyAreCounted() throws Exception {
        // the opened-unit window moves from 30 to 35 days and the one scenario that breaks (opened, day 31,
        // denied) is dropped: every scenario left passes, and none sits at the new boundary
        Path folder = Files.createDirectories(dir.resolve("threshold"));
        Path policy = folder.resolve("returns-policy.xlsx");
        Files.copy(home.resolve(ReturnsChanges.POLICY), policy, StandardCopyOption.REPLACE_EXISTING);
        String cell = Workbooks.cellOf(policy, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Claimed at most");
        Workbooks.set(policy, "Outcome", cell, 35);
        String scenarios = Files.readString(home.resolve(ReturnsChanges.CHANGE_OF_MIND));
        int start = scenarios.indexOf("  - name: opened unit returned on day 31 is denied");
        int end = scenarios.indexOf("\n\n", start);
        assertTrue(start > 0 && end > start, "the change-of-mind scenarios changed; update this test");
        Path fewer = Files.writeString(folder.resolve("change-of-mind.yaml"), scenarios.substring(0, start) + scenarios.substring(end + 2));
        // worked out from the policy: an opened change of mind bought direct, claimed on day 31 to 35, was
        // denied by the after-window row and is now refunded less the fee; nothing else moves
        long moved = SENT.stream().filter(s -> s.reason().equals("CHANGED_MIND") && s.channel().equals("DIRECT")
                && s.opened() && s.days() > 30 && s.days() <= 35).count();
        assertTrue(moved > 0);

        check(policy, fewer);
        browser.findElement(By.cssSelector("section.impact-offer form.impact button")).click();
        HeadlessBrowser.waitUpTo(Duration.ofMinutes(3)).until(d -> !d.findElements(
                By.cssSelector("section#impact[data-state=done]")).isEmpty());

        assertEquals(SENT.size(), count("decided"));
        assertEquals(moved, count("changed"));
        WebElement denied = browser.findElement(By.cssSelector("table.rules tr[data-rule=ChangedMindAfterWindowIsDenied]"));
        WebElement refunded = browser.findElement(By.cssSelector("table.rules tr[data-rule=ChangedMindOpenedIsRefundedLessFee]"));
        assertEquals("-" + moved, denied.findElements(By.tagName("td")).get(4).getText().strip());
        assertEquals("+" + moved, refunded.findElements(By.tagName("td")).get(4).getText().strip());
        assertEquals(2, browser.findElements(By.cssSelector("table.rules tr[data-rule]")).size());
        String untested = browser.findElement(By.cssSelector("ul.untested")).getText();
        assertTrue(untested.contains("Outcome!" + cell) && untested.contains("no scenario notices"), untested);
        assertNotNull(browser.findElement(By.cssSelector("table.changed-cells tr[data-cell='Outcome!" + cell + "']")));
        ConsoleBrowserTest.checkPage(browser, "impact-untested");
    }

    @Test
    @Order(4)
    void aRunningImpactCanBeCancelled() throws Exception {
        checkTheFeeChange("cancel");
        WebElement section;
        try (Connection busy = holdTheAuditDatabase()) {
            browser.findElement(By.cssSelector("section.impact-offer form.impact button")).click();
            section = HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElements(
                    By.cssSelector("section#impact[data-state=running]")).stream().findFirst().orElse(null));
            // htmx posts the form and swaps the section; a click before htmx has taken the freshly swapped form
            // in is an ordinary form post and a redirect to the same page: either way the run is cancelled
            clickFresh(By.cssSelector("form.cancel button"));
        }
        WebElement cancelled = HeadlessBrowser.waitUpTo(Duration.ofMinutes(2)).until(d -> d.findElements(
                By.cssSelector("section#impact[data-state=cancelled]")).stream().findFirst().orElse(null));
        assertTrue(cancelled.getText().contains("Cancelled"), cancelled.getText());
        assertTrue(count("decided") < SENT.size(), "the run stopped before the window's end");
        assertNotNull(section);

        // a cancel posted without the form's CSRF token is refused
        String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
        HttpResponse<String> forged = post(path(firstRun) + "/cancel", session, form("nothing", "here"));
        assertEquals(403, forged.statusCode(), forged.body());
    }

    @Test
    @Order(5)
    void aReportNeedsASignedInPerson() throws Exception {
        HttpResponse<String> anonymous = get(path(firstRun), null, Map.of());
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/console/sign-in"));
    }

    @Test
    @Order(6)
    void withoutTheDecisionLogThePageSaysImpactNeedsIt() throws Exception {
        try (PublishingServer off = new PublishingServer(dir.resolve("audit-off"),
                Tokens.parse(List.of("eda:editor=" + EDITOR_TOKEN)))) {
            String before = url;
            url = off.url();
            try {
                signIn(EDITOR_TOKEN);
                checkTheFeeChange("off");
                String offer = browser.findElement(By.cssSelector("section.impact-offer")).getText();
                assertTrue(offer.contains("Impact needs the decision log"), offer);
                assertTrue(browser.findElements(By.cssSelector("form.impact")).isEmpty());
            } finally {
                url = before;
                browser.manage().deleteAllCookies();
            }
        }
    }

    /** Claims of each reason, channel, opened or not, inside and past the 30-day window, prices that round apart and alike. */
    private static void recordVariedClaims() throws Exception {
        LocalDate claimDate = LocalDate.parse("2026-10-31");
        for (String reason : List.of("CHANGED_MIND", "DEFECTIVE", "DEAD_ON_ARRIVAL")) {
            for (String channel : List.of("DIRECT", "RETAILER")) {
                for (boolean opened : List.of(true, false)) {
                    for (long days : List.of(0L, 10L, 30L, 31L, 45L)) {
                        for (String price : List.of("0.00", "0.10", "199.99", "49.95")) {
                            String body = CLAIM.formatted("CON-" + SENT.size(), channel, claimDate.minusDays(days), price,
                                    reason, opened);
                            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/decisions/returns"))
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            assertEquals(200, r.statusCode(), r.body());
                            SENT.add(new Sent(Json.mapper().readTree(r.body()).path("decisionId").asText(), channel, reason,
                                    opened, days, new BigDecimal(price)));
                        }
                    }
                }
            }
        }
    }

    /**
     * The policy's opened-unit row: a change of mind bought direct, opened, claimed within 30 days, pays the
     * restocking fee (price x rate, half up to cents). Only those decisions can move with the rate, and only
     * where the two fees round to different cents.
     */
    private static boolean feeChanges(Sent s) {
        boolean paysFee = s.reason().equals("CHANGED_MIND") && s.channel().equals("DIRECT") && s.opened() && s.days() <= 30;
        return paysFee && fee(s.price(), OLD_RATE).compareTo(fee(s.price(), NEW_RATE)) != 0;
    }

    private static BigDecimal fee(BigDecimal price, BigDecimal rate) {
        return price.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The publishing tests' fee change (opened units 15% -> 20%, with the scenarios that pin it), checked on the change page. */
    private static void checkTheFeeChange(String folder) throws Exception {
        Path files = Files.createDirectories(dir.resolve(folder));
        Path policy = Files.write(files.resolve("returns-policy.xlsx"), ReturnsChanges.policyWithFee(dir.resolve(folder + "-work"), 0.20));
        Path scenarios = Files.write(files.resolve("change-of-mind.yaml"), ReturnsChanges.scenariosForTwentyPercent());
        check(policy, scenarios);
    }

    private static void check(Path policy, Path scenarios) {
        browser.get(url + "/console/domains/returns/change");
        browser.findElement(By.id("files")).sendKeys(policy + "\n" + scenarios);
        browser.findElement(By.cssSelector("form.upload button")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(90)).until(d -> !d.findElements(By.cssSelector("section.impact-offer")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector(".passed")).getText().contains("passes the gate"));
    }

    /**
     * A connection of the test's own that puts the audit database in exclusive mode: until it is closed,
     * other connections' statements wait (the run's read among them), as behind a busy database.
     */
    private static Connection holdTheAuditDatabase() throws Exception {
        Connection connection = DriverManager.getConnection(auditUrl, "smos", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET EXCLUSIVE 1");
        }
        return new ReleasingConnection(connection).proxy();
    }

    /** Ends the exclusive mode before the connection closes. */
    private record ReleasingConnection(Connection connection) {
        Connection proxy() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, method, args) -> {
                        if (method.getName().equals("close")) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("SET EXCLUSIVE 0");
                            }
                        }
                        return method.invoke(connection, args);
                    });
        }
    }

    /** Clicks an element htmx may replace between finding and clicking it. */
    private static void clickFresh(By by) {
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> {
            try {
                d.findElement(by).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private static long count(String name) {
        return Long.parseLong(browser.findElement(By.cssSelector("section#impact dd[data-count=" + name + "]")).getText().strip());
    }

    private static String path(String run) {
        return "/console/domains/returns/impact/" + run;
    }

    private static void signIn(String token) {
        browser.manage().deleteAllCookies();
        browser.get(url + "/console/sign-in");
        browser.switchTo().activeElement().sendKeys(token + Keys.ENTER);
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/console/domains"));
    }

    private static String csrfOfThePage() {
        return browser.findElement(By.cssSelector("form[action='/console/sign-out'] input[name=csrf]")).getAttribute("value");
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static HttpResponse<String> get(String path, String session, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).GET();
        if (session != null) {
            request.header("Cookie", SignIn.SESSION_COOKIE + "=" + session);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String session, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SignIn.SESSION_COOKIE + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
