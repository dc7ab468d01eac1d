package smos.console;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import smos.api.ApiServer;
import smos.api.ApiSettings;
import smos.api.Tokens;
import smos.audit.AuditServices;
import smos.audit.DecisionRecorder;
import smos.audit.JdbcAuditLog;
import smos.audit.Replay;
import smos.engine.DomainRegistry;
import smos.publish.Gate;
import smos.publish.ChangeSet;
import smos.publish.LocalRuleStore;
import smos.publish.PublishResult;
import smos.publish.RecordedVersions;
import smos.publish.RuleSetManager;
import smos.request.Json;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.testing.HeadlessBrowser;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's audit pages in a real headless browser against a real server with the decision log on
 * (H2 in a temporary home) and rule history (for replay). Decisions are made through the API first,
 * as a client would; then a person signs in, searches, opens one, follows its trace to the sheet and
 * replays it. The tests run in order and share the browser's session.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAuditBrowserTest {
    private static final String VIEWER_TOKEN = "vic-only-looks-0123456789";
    private static final String CLIENT_TOKEN = "crm-decides-0123456789";
    /** The other domain served: its decisions must not show up in a search for returns. */
    private static final String OTHER = "quota";
    /**
     * An opened router bought direct, returned after 20 days for a change of mind: policy refunds it less
     * the restocking fee, the row named below (the same case ConsoleBrowserTest tries).
     */
    private static final String CLAIM = "{\"claim\": {\"claimId\": \"%s\", \"productLine\": \"CONSUMER_ROUTER\","
            + " \"condition\": \"NEW\", \"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\","
            + " \"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true,"
            + " \"registered\": false}}";
    private static final String FEE_ROW = "ChangedMindOpenedIsRefundedLessFee";

    @TempDir
    static Path dir;
    private static JdbcAuditLog log;
    private static RuleSetManager manager;
    private static Path home;
    private static ApiSettings settings;
    private static Javalin appWithNewHistory;
    private static Javalin app;
    private static Javalin appWithLogOff;
    private static WebDriver browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** Decision ids of the returns decisions made through the API, and of the other domain's. */
    private static final List<String> returnsDecisions = new ArrayList<>();
    private static String otherDecision;

    @BeforeAll
    static void start() throws Exception {
        home = TestHomes.copyOfShipped(dir.resolve("home"));
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover().stream()
                .filter(d -> d.id().equals("returns") || d.id().equals(OTHER)).toList());
        DecisionService service = new DecisionService(registry, Map::of);
        manager = new RuleSetManager(registry, new Gate(registry, service),
                new LocalRuleStore(home, dir.resolve("history")));
        manager.start();
        Metrics metrics = new Metrics();
        log = JdbcAuditLog.h2(dir.resolve("home/.smos/audit"));
        AuditServices audit = new AuditServices(new DecisionRecorder(log, true, Set.of(), metrics),
                new Replay(log, service, new RecordedVersions(registry, manager.store())::compiled));
        settings = ApiSettings.defaults().withTokens(Tokens.parse(List.of("vic:viewer=" + VIEWER_TOKEN,
                "crm:viewer=" + CLIENT_TOKEN)));
        app = ApiServer.create(service, manager, metrics, audit, settings).start(0);
        // the same rules and sessions, with the decision log off
        appWithLogOff = ApiServer.create(service, manager, metrics, AuditServices.off(metrics), settings).start(0);

        for (int i = 1; i <= 3; i++) {
            returnsDecisions.add(decide("returns", CLAIM.formatted("AUDIT-CONSOLE-" + i)));
        }
        otherDecision = decide(OTHER, ScenarioLoader.examples(home).get(OTHER).toString());

        browser = HeadlessBrowser.shared();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(800, 1000));
    }

    @AfterAll
    static void stop() {
        browser.manage().deleteAllCookies();
        app.stop();
        appWithLogOff.stop();
        if (appWithNewHistory != null) {
            appWithNewHistory.stop();
        }
        log.close();
    }

    private static String url() {
        return "http://localhost:" + app.port();
    }

    /** A decision through the API, as a client makes it; its decisionId. */
    private static String decide(String domain, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/decisions/" + domain))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + CLIENT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode envelope = Json.mapper().readTree(answer.body());
        return envelope.path("decisionId").asText();
    }

    @Test
    @Order(1)
    void theAuditPageWithoutSignInGoesToSignIn() {
        browser.get(url() + "/console/audit");
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
        browser.get(url() + "/console/audit/" + returnsDecisions.get(0));
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
    }

    @Test
    @Order(2)
    void signedInASearchByDomainFindsTheDecisionsOfThatDomain() {
        HeadlessBrowser.signIn(url(), VIEWER_TOKEN);
        browser.findElement(By.linkText("Decision log")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/console/audit"));
        new Select(browser.findElement(By.id("domain"))).selectByValue("returns");
        browser.findElement(By.cssSelector("form.audit-search button[type=submit]")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("domain=returns"));

        Set<String> found = browser.findElements(By.cssSelector("table.audit-results tbody tr")).stream()
                .map(row -> row.getAttribute("data-decision")).collect(Collectors.toSet());
        assertEquals(new HashSet<>(returnsDecisions), found, "exactly the returns decisions made above");
        assertFalse(found.contains(otherDecision));
        WebElement row = browser.findElement(By.cssSelector("tr[data-decision='" + returnsDecisions.get(0) + "']"));
        assertTrue(row.getText().contains("crm"), "the caller is the token's name: " + row.getText());
        assertTrue(row.getText().contains("200"), row.getText());
        ConsoleBrowserTest.checkPage(browser, "audit");
    }

    @Test
    @Order(3)
    void theNextPageLinkGoesOnWhereThePageStopped() {
        browser.get(url() + "/console/audit?domain=returns&limit=2");
        List<String> first = shownDecisions();
        assertEquals(2, first.size(), "a page as long as asked");
        browser.findElement(By.linkText("Next page")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("before="));
        List<String> second = shownDecisions();
        assertEquals(1, second.size(), "the third returns decision, and the other domain's not at all");
        assertTrue(browser.findElements(By.linkText("Next page")).isEmpty(), "the last page has no next page");
        Set<String> both = new HashSet<>(first);
        both.addAll(second);
        assertEquals(new HashSet<>(returnsDecisions), both);
        // newest first: the decisions were made one after the other, so the first made is on the last page
        assertEquals(returnsDecisions.get(0), second.get(0));
        browser.get(url() + "/console/audit?domain=returns");
    }

    private static List<String> shownDecisions() {
        return browser.findElements(By.cssSelector("table.audit-results tbody tr")).stream()
                .map(row -> row.getAttribute("data-decision")).toList();
    }

    @Test
    @Order(4)
    void openingOneShowsTheRequestAndATraceLinkToTheHighlightedRow() {
        String id = returnsDecisions.get(1);
        browser.findElement(By.cssSelector("tr[data-decision='" + id + "'] a")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/console/audit/" + id));
        String request = browser.findElement(By.cssSelector("pre.request")).getText();
        assertTrue(request.contains("AUDIT-CONSOLE-2"), request);
        String decision = browser.findElements(By.cssSelector("pre.decision")).get(1).getText().replaceAll("\\s+", "");
        // 199.99 less the 15% restocking fee of an opened unit returned for a change of mind
        assertTrue(decision.contains("\"refundAmount\":169.99"), decision);
        assertTrue(browser.findElement(By.cssSelector("main")).getText().contains("the version serving now"));

        WebElement link = browser.findElement(By.linkText(FEE_ROW));
        String target = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
        link.click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/console/domains/returns#" + target));
        WebElement row = browser.findElement(By.id(target));
        assertTrue(row.getText().contains(FEE_ROW), row.getText());
        String highlighted = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector(':target td')).backgroundColor;");
        assertEquals("rgb(255, 243, 176)", highlighted, "the targeted row has the highlight colour of console.css");
        assertEquals(target, ((JavascriptExecutor) browser).executeScript("return document.querySelector(':target').id;"));
    }

    @Test
    @Order(5)
    void replayingItSaysIdentical() {
        String id = returnsDecisions.get(1);
        browser.get(url() + "/console/audit/" + id);
        browser.findElement(By.cssSelector("form.replay button")).click();
        WebElement outcome = HeadlessBrowser.waitUpTo(Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector(".replay-outcome")).stream().findFirst().orElse(null));
        assertTrue(outcome.getText().contains("identical"), outcome.getText());
        assertTrue(browser.findElements(By.cssSelector("table.differences")).isEmpty());
        ConsoleBrowserTest.checkPage(browser, "audit-record");
    }

    @Test
    @Order(6)
    void aReplayPostedWithoutTheCsrfTokenIsRefused() throws Exception {
        String id = returnsDecisions.get(0);
        HttpResponse<String> anonymous = postReplay(id, null, "");
        assertEquals(403, anonymous.statusCode(), anonymous.body());
        // signed in, but the form does not carry the session's token: what another site's form would send
        String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
        HttpResponse<String> withoutToken = postReplay(id, session, "");
        assertEquals(403, withoutToken.statusCode(), withoutToken.body());
        assertFalse(withoutToken.body().contains("identical"), withoutToken.body());
        HttpResponse<String> guessed = postReplay(id, session, "csrf=guessed");
        assertEquals(403, guessed.statusCode(), guessed.body());
    }

    @Test
    @Order(7)
    void aWrongDateIsShownOnThePageNamingTheField() {
        browser.get(url() + "/console/audit?from=last+tuesday");
        String alert = browser.findElement(By.cssSelector("[role=alert]")).getText();
        assertTrue(alert.contains("from: 'last tuesday' is not a date"), alert);
        assertEquals("last tuesday", browser.findElement(By.id("from")).getAttribute("value"));
    }

    @Test
    @Order(8)
    void withTheLogOffThePageSaysSo() {
        // the same session store: the person signed in above is signed in on this server too
        browser.get("http://localhost:" + appWithLogOff.port() + "/console/audit");
        assertTrue(browser.getCurrentUrl().endsWith("/console/audit"), browser.getCurrentUrl());
        String text = browser.findElement(By.cssSelector("main")).getText();
        assertTrue(text.contains("The decision log is off on this server"), text);
        assertTrue(browser.findElements(By.cssSelector("form.audit-search")).isEmpty());
    }

    @Test
    @Order(9)
    void aRecordOfAnOlderVersionSaysWhichVersionItsRowsAreOfAndReplaysWithThatVersion() throws Exception {
        String id = returnsDecisions.get(2);
        String made = log.find(id).orElseThrow().rulesetVersion();
        // a 20% fee on opened units (a value change with its scenarios), published after the decision
        PublishResult published = manager.publish("returns", new ChangeSet()
                .put("returns-policy.xlsx", ReturnsChanges.policyWithFee(dir, 0.20))
                .put("change-of-mind.yaml", ReturnsChanges.scenariosForTwentyPercent()).message("fee 20%"), "ana");
        assertFalse(published.version().equals(made));

        browser.get(url() + "/console/audit/" + id);
        String note = browser.findElement(By.cssSelector("main")).getText();
        assertTrue(note.contains("The rows are those of version " + made.substring(0, 12) + ", which made this decision"), note);
        assertTrue(note.contains(published.version().substring(0, 12)), "names the version serving now: " + note);
        browser.findElement(By.cssSelector("form.replay button")).click();
        WebElement outcome = HeadlessBrowser.waitUpTo(Duration.ofSeconds(120))
                .until(d -> d.findElements(By.cssSelector(".replay-outcome")).stream().findFirst().orElse(null));
        // replayed with the version that made it (15%: 169.99), not the one serving now (20%: 159.99)
        assertTrue(outcome.getText().contains("identical"), outcome.getText());
    }

    @Test
    @Order(10)
    void aRefusedRequestShowsItsProblemAndBodyAndOffersNoReplay() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/decisions/returns"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + CLIENT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(CLAIM.formatted("AUDIT-REFUSED").replace("199.99", "-5.00")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused.body());
        String id = refused.headers().firstValue("X-Request-Id").orElseThrow();

        browser.get(url() + "/console/audit?domain=returns&status=refused");
        assertEquals(List.of(id), shownDecisions(), "the one refused request of returns");
        browser.findElement(By.cssSelector("tr[data-decision='" + id + "'] a")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/console/audit/" + id));
        assertTrue(browser.findElement(By.cssSelector("pre.problem")).getText().contains("claim.purchasePrice"));
        assertTrue(browser.findElement(By.cssSelector("pre.body")).getText().contains("AUDIT-REFUSED"));
        assertTrue(browser.findElements(By.cssSelector("form.replay")).isEmpty(), "nothing to replay: only 4 KB are kept");
    }

    @Test
    @Order(11)
    void aVersionNoLongerInTheHistoryIsSaidPlainlyOnReplay() {
        // a server on the same log and home but a new rule history: it knows only the version on disk now
        // (the 20% fee published above), not the 15% version that made the recorded decision
        DomainRegistry registry = new DomainRegistry(home, DomainRegistry.discover().stream()
                .filter(d -> d.id().equals("returns")).toList());
        DecisionService service = new DecisionService(registry, Map::of);
        RuleSetManager fresh = new RuleSetManager(registry, new Gate(registry, service),
                new LocalRuleStore(home, dir.resolve("new-history")));
        fresh.start();
        Metrics metrics = new Metrics();
        appWithNewHistory = ApiServer.create(service, fresh, metrics, new AuditServices(
                new DecisionRecorder(log, true, Set.of(), metrics),
                new Replay(log, service, new RecordedVersions(registry, fresh.store())::compiled)), settings).start(0);
        String there = "http://localhost:" + appWithNewHistory.port();
        HeadlessBrowser.signIn(there, VIEWER_TOKEN); // sessions live in the history folder: sign in again here
        String id = returnsDecisions.get(0);
        String made = log.find(id).orElseThrow().rulesetVersion();

        browser.get(there + "/console/audit/" + id);
        browser.findElement(By.cssSelector("form.replay button")).click();
        WebElement alert = HeadlessBrowser.waitUpTo(Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector("[role=alert]")).stream().findFirst().orElse(null));
        assertTrue(alert.getText().contains("version " + made + " of returns")
                && alert.getText().contains("is no longer in the rule history"), alert.getText());
        assertTrue(browser.findElements(By.cssSelector(".replay-outcome")).isEmpty(), "no outcome is guessed");
    }

    private static HttpResponse<String> postReplay(String id, String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/console/audit/" + id + "/replay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Cookie", SignIn.SESSION_COOKIE + "=" + session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
