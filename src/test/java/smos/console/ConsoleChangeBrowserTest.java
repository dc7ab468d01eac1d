package smos.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import smos.api.Tokens;
import smos.testing.HeadlessBrowser;
import smos.testing.PublishingServer;
import smos.testing.ReturnsChanges;
import smos.testing.Workbooks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change and history pages driven in a real headless browser against a real server: a refused
 * upload shows its problem on the cell, a fixed one is published with the keyboard alone, two versions
 * are compared cell by cell, and a rollback brings the old version back; an editor's code change and a
 * viewer's forged publish are refused by the server. The tests run in order, as one person's afternoon.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleChangeBrowserTest {
    private static final String PUBLISHER_TOKEN = "pia-publishes-0123456789";
    private static final String EDITOR_TOKEN = "eda-edits-values-0123456789";
    private static final String VIEWER_TOKEN = "val-only-looks-0123456789";
    /** An opened router bought direct, returned after 20 days for a change of mind: refunded less the restocking fee. */
    private static final String OPENED_ROUTER = "{\"claim\": {\"claimId\": \"C-1\", \"productLine\": \"CONSUMER_ROUTER\","
            + " \"condition\": \"NEW\", \"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\","
            + " \"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true,"
            + " \"registered\": false}}";

    @TempDir
    static Path dir;
    private static PublishingServer server;
    private static WebDriver browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static String shipped;
    private static String published;
    private static String feeCell;
    /** A draft made on the published version and left open while a rollback replaced that version. */
    private static String openDraft;

    @BeforeAll
    static void start() {
        server = new PublishingServer(dir, Tokens.parse(List.of("pia:publisher=" + PUBLISHER_TOKEN,
                "eda:editor=" + EDITOR_TOKEN, "val:viewer=" + VIEWER_TOKEN)));
        browser = HeadlessBrowser.shared();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(800, 1000));
        shipped = server.base("returns", null);
    }

    @AfterAll
    static void stop() {
        browser.manage().deleteAllCookies();
        server.close();
    }

    @Test
    @Order(1)
    void aWordInANumberCellIsShownOnThatCellAndNothingIsPublished() throws Exception {
        signIn(PUBLISHER_TOKEN);
        Path upload = Files.createDirectories(dir.resolve("word")).resolve("returns-policy.xlsx");
        Files.copy(server.home().resolve(ReturnsChanges.POLICY), upload, StandardCopyOption.REPLACE_EXISTING);
        feeCell = Workbooks.cellOf(upload, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(upload, "Outcome", feeCell, "thirty");

        browser.get(server.url() + "/console/domains/returns/change");
        ConsoleBrowserTest.checkPage(browser, "change");
        browser.findElement(By.id("files")).sendKeys(upload.toString());
        browser.findElement(By.cssSelector("form.upload button")).click();
        WebElement cell = HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElements(
                By.cssSelector("#sheet-Outcome td.marked[data-cell='" + feeCell + "']")).stream().findFirst().orElse(null));
        assertTrue(cell.getText().contains("thirty"), cell.getText());
        assertTrue(cell.findElement(By.cssSelector(".cell-note")).getText().length() > 0, "the message is on the cell");
        String problems = browser.findElement(By.cssSelector("ul.problems")).getText();
        assertTrue(problems.contains("Outcome!" + feeCell), problems);
        assertTrue(browser.findElements(By.cssSelector("form.publish")).isEmpty(), "a refused change cannot be published");
        ConsoleBrowserTest.checkPage(browser, "change-refused");
        assertEquals(shipped, server.base("returns", null), "checking published nothing");
    }

    @Test
    @Order(2)
    void theFixedChangeIsPublishedWithTheKeyboardAndTheApiServesIt() throws Exception {
        // policy: the opened unit's restocking fee goes from 15% to 20%, with the scenarios that pin it
        Path folder = Files.createDirectories(dir.resolve("fixed"));
        Path policy = Files.write(folder.resolve("returns-policy.xlsx"), ReturnsChanges.policyWithFee(dir.resolve("work"), 0.20));
        Path scenarios = Files.write(folder.resolve("change-of-mind.yaml"), ReturnsChanges.scenariosForTwentyPercent());
        browser.get(server.url() + "/console/domains/returns/change");
        browser.findElement(By.id("files")).sendKeys(policy + "\n" + scenarios);
        browser.findElement(By.cssSelector("form.upload button")).click();
        WebElement message = HeadlessBrowser.waitUpTo(Duration.ofSeconds(60))
                .until(d -> d.findElements(By.id("message")).stream().findFirst().orElse(null));
        assertTrue(browser.findElement(By.cssSelector(".passed")).getText().contains("passes the gate"));
        assertEquals(shipped, server.base("returns", null), "checking published nothing");
        ConsoleBrowserTest.checkPage(browser, "change-passed");
        assertEquals(3000, fee(), "still the 15% fee: 199.99 x 0.15 = 30.00");

        // keyboard only: into the message field, type, Tab to Publish, Enter
        message.click();
        browser.switchTo().activeElement().sendKeys("Opened units: restocking fee 20%");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("Publish", browser.switchTo().activeElement().getText());
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/history?published"));
        published = server.base("returns", null);
        assertNotEquals(shipped, published);
        assertEquals(4000, fee(), "199.99 x 0.20 = 39.998, rounded to 40.00");
        String newest = browser.findElement(By.cssSelector("li.version")).getText();
        assertTrue(newest.contains("pia") && newest.contains("Opened units: restocking fee 20%"), newest);
        ConsoleBrowserTest.checkPage(browser, "history");
    }

    @Test
    @Order(3)
    void twoVersionsAreComparedCellByCell() {
        browser.get(server.url() + "/console/domains/returns/history");
        new Select(browser.findElement(By.id("from"))).selectByValue(shipped);
        new Select(browser.findElement(By.id("to"))).selectByValue(published);
        browser.findElement(By.cssSelector("form.compare button")).click();
        WebElement row = HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("tr[data-cell='Outcome!" + feeCell + "']")).stream().findFirst().orElse(null));
        assertEquals("0.15", row.findElement(By.cssSelector(".before")).getText().strip());
        assertEquals(0.20, Double.parseDouble(row.findElement(By.cssSelector(".after")).getText().strip()), 1e-9);
        assertTrue(row.getText().contains("ChangedMindOpenedIsRefundedLessFee"), row.getText());
        ConsoleBrowserTest.checkPage(browser, "history-diff");
    }

    @Test
    @Order(4)
    void aRollbackBringsTheOldVersionBack() throws Exception {
        // someone uploads a change on the published version and leaves its draft open (step 6 comes back to it)
        Path late = Files.write(Files.createDirectories(dir.resolve("late")).resolve("returns-policy.xlsx"),
                ReturnsChanges.policyWithFee(dir.resolve("late-work"), 0.25));
        browser.get(server.url() + "/console/domains/returns/change");
        browser.findElement(By.id("files")).sendKeys(late.toString());
        browser.findElement(By.cssSelector("form.upload button")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/drafts/")
                && !d.findElements(By.cssSelector("section.verdict")).isEmpty());
        openDraft = new URI(browser.getCurrentUrl()).getPath();

        browser.get(server.url() + "/console/domains/returns/history");
        browser.findElement(By.cssSelector("li.version[data-version='" + shipped + "'] form.rollback button")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/history?rolledBack"));
        assertEquals(shipped, server.base("returns", null));
        assertEquals(3000, fee(), "back to 199.99 x 0.15 = 30.00");
    }

    @Test
    @Order(5)
    void aCheckedChangeCanBeDiscarded() throws Exception {
        Path policy = Files.write(Files.createDirectories(dir.resolve("discard")).resolve("returns-policy.xlsx"),
                ReturnsChanges.policyWithFee(dir.resolve("discarded"), 0.20));
        Path scenarios = Files.write(dir.resolve("discard").resolve("change-of-mind.yaml"), ReturnsChanges.scenariosForTwentyPercent());
        browser.get(server.url() + "/console/domains/returns/change");
        browser.findElement(By.id("files")).sendKeys(policy + "\n" + scenarios);
        browser.findElement(By.cssSelector("form.upload button")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("message")).isEmpty());
        browser.findElement(By.cssSelector("form.discard button")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.id("message")).isEmpty()
                && !d.findElements(By.id("files")).isEmpty());
        assertEquals(shipped, server.base("returns", null));
        assertEquals(3000, fee(), "discarded: still 199.99 x 0.15 = 30.00");
    }

    @Test
    @Order(6)
    void aPageLeftOpenWhileTheRulesChangedIsToldSo() throws Exception {
        // the draft left open in step 4 was made on the published version, which the rollback replaced; the
        // domain page lists it with its author and base
        browser.get(server.url() + "/console/domains/returns");
        String draftId = openDraft.substring(openDraft.lastIndexOf('/') + 1);
        WebElement listed = browser.findElement(By.cssSelector("section.drafts li.draft[data-draft='" + draftId + "']"));
        assertTrue(listed.getText().contains("pia") && listed.getText().contains("based on " + published.substring(0, 12)
                + ", the active version is now " + shipped.substring(0, 12)), listed.getText());
        listed.findElement(By.tagName("a")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith(openDraft));
        String stalePage = browser.findElement(By.cssSelector("section.draft .stale")).getText();
        assertTrue(stalePage.contains("Based on " + published.substring(0, 12) + ", the active version is now "
                + shipped.substring(0, 12)), stalePage);
        String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
        String csrf = csrfOfThePage();
        HttpResponse<String> stale = post(openDraft + "/publish", session, form("csrf", csrf, "message", "late"));
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains(published), stale.body());
        assertEquals(shipped, server.base("returns", null));
    }

    @Test
    @Order(7)
    void anEditorsCodeRowChangeIsRefusedWithTheGatesMessage() throws Exception {
        signIn(EDITOR_TOKEN);
        ReturnsChanges.CodeChange code = ReturnsChanges.policyWithCodeCell(dir.resolve("code"), "DeadOnArrival",
                "daysSincePurchase > $param", "daysSincePurchase >= $param");
        Path upload = Files.write(Files.createDirectories(dir.resolve("editor")).resolve("returns-policy.xlsx"), code.bytes());
        browser.get(server.url() + "/console/domains/returns/change");
        browser.findElement(By.id("files")).sendKeys(upload.toString());
        browser.findElement(By.cssSelector("form.upload button")).click();
        WebElement alert = HeadlessBrowser.waitUpTo(Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector("[role=alert]")).stream().findFirst().orElse(null));
        assertTrue(alert.getText().contains("editor") && alert.getText().contains("cell " + code.cell()), alert.getText());
        assertTrue(browser.findElement(By.cssSelector("ul.problems")).getText().contains("DeadOnArrival!" + code.cell()));
        assertTrue(browser.findElements(By.cssSelector("form.publish")).isEmpty());
        ConsoleBrowserTest.checkPage(browser, "change-editor-refused");
        assertEquals(shipped, server.base("returns", null));
    }

    @Test
    @Order(8)
    void aViewerSeesNoPublishingAndTheServerRefusesAForgedOne() throws Exception {
        signIn(VIEWER_TOKEN);
        browser.get(server.url() + "/console/domains/returns/change");
        assertTrue(browser.findElements(By.id("files")).isEmpty(), "no upload form for a viewer");
        assertTrue(browser.findElements(By.cssSelector("form.publish")).isEmpty());
        browser.get(server.url() + "/console/domains/returns/history");
        assertTrue(browser.findElements(By.cssSelector("form.rollback")).isEmpty(), "no rollback for a viewer");
        assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Publish']")).isEmpty());

        // the same forms forged with the viewer's own session and CSRF token
        String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
        String csrf = csrfOfThePage();
        HttpResponse<String> publish = post(openDraft + "/publish", session, form("csrf", csrf, "message", "forged"));
        assertEquals(403, publish.statusCode(), publish.body());
        assertTrue(publish.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> rollback = post("/console/domains/returns/rollback", session, form("csrf", csrf,
                "base", shipped, "version", published));
        assertEquals(403, rollback.statusCode(), rollback.body());
        HttpResponse<String> withoutToken = post("/console/domains/returns/rollback", session, form("base", shipped,
                "version", published));
        assertEquals(403, withoutToken.statusCode(), withoutToken.body());
        assertEquals(shipped, server.base("returns", null));
    }

    private static void signIn(String token) {
        browser.manage().deleteAllCookies();
        HeadlessBrowser.signIn(server.url(), token);
    }

    private static String csrfOfThePage() {
        return browser.findElement(By.cssSelector("form[action='/console/sign-out'] input[name=csrf]")).getAttribute("value");
    }

    /** The restocking fee, in cents, the decision API gives the opened router now. */
    private static long fee() {
        PublishingServer.Reply reply = server.send(server.to("/api/v1/decisions/returns")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(OPENED_ROUTER)));
        assertEquals(200, reply.status(), reply::toString);
        return Math.round(reply.json().path("decision").path("restockingFee").asDouble() * 100);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static HttpResponse<String> post(String path, String session, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SignIn.SESSION_COOKIE + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
