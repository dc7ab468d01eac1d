package smos.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import smos.api.Tokens;
import smos.testing.HeadlessBrowser;
import smos.testing.PublishingServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console driven in a real headless browser against a real server (publishing on, tokens with
 * roles). The tests run in order: they share the browser and its session, as a person would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String PUBLISHER_TOKEN = "ana-publishes-0123456789";
    private static final String VIEWER_TOKEN = "vic-only-looks-0123456789";
    /**
     * Where the pages' screenshots go: target/, so that a test run leaves the checkout as it was;
     * {@code -Dsmos.screenshots=docs/console} refreshes the ones docs/console.md shows.
     */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("smos.screenshots", "target/console-screenshots"));

    @TempDir
    static Path dir;
    private static PublishingServer server;
    private static WebDriver browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        server = new PublishingServer(dir, Tokens.parse(List.of("ana:publisher=" + PUBLISHER_TOKEN,
                "vic:viewer=" + VIEWER_TOKEN)));
        browser = HeadlessBrowser.shared();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(800, 1000));
    }

    @AfterAll
    static void stop() {
        browser.manage().deleteAllCookies();
        server.close();
    }

    @Test
    @Order(1)
    void aBrowserOpeningTheServiceIsTakenToTheConsole() {
        browser.get(server.url() + "/");
        assertTrue(browser.getCurrentUrl().endsWith("/console/domains"), browser.getCurrentUrl());
    }

    @Test
    @Order(2)
    void signingInWithTheKeyboardAloneShowsWhoIsSignedIn() {
        HeadlessBrowser.openSignIn(server.url());
        checkPage("sign-in");
        // the token field has the focus when the page opens; typing and Enter is all it takes
        HeadlessBrowser.typeIntoFocus(PUBLISHER_TOKEN + Keys.ENTER);
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/console/domains"));
        assertTrue(browser.findElement(By.cssSelector("header .who")).getText().contains("Signed in as ana (publisher)"));
    }

    @Test
    @Order(3)
    void aWrongTokenIsRefusedOnThePage() {
        Cookie session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE);
        browser.manage().deleteCookieNamed(SignIn.SESSION_COOKIE);
        HeadlessBrowser.openSignIn(server.url());
        HeadlessBrowser.typeIntoFocus("not-a-token-at-all-xyz" + Keys.ENTER);
        WebElement alert = HeadlessBrowser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("[role=alert]")).stream().findFirst().orElse(null));
        assertTrue(alert.getText().contains("not valid"), alert.getText());
        assertNull(browser.manage().getCookieNamed(SignIn.SESSION_COOKIE));
        browser.manage().addCookie(session);
    }

    @Test
    @Order(4)
    void theDomainsPageShowsStatusVersionLastChangeAndScenarios() throws IOException {
        browser.get(server.url() + "/console/domains");
        checkPage("domains");
        WebElement returns = browser.findElement(By.id("domain-returns"));
        String text = returns.getText();
        assertTrue(text.contains("ACTIVE"), text);
        String active = server.base("returns", null);
        assertEquals(active, returns.findElement(By.cssSelector("code")).getAttribute("title"));
        assertTrue(text.contains("start-up"), "the version came in at start-up: " + text);
        // every scenario of the shipped files, counted here from their text: one "- name:" per scenario
        long scenarios;
        try (Stream<Path> files = Files.list(Path.of("scenarios/returns"))) {
            scenarios = files.flatMap(ConsoleBrowserTest::lines).filter(l -> l.startsWith("  - name:")).count();
        }
        assertTrue(scenarios > 0);
        assertTrue(text.contains("Scenarios\n" + scenarios) || text.contains("Scenarios " + scenarios), text);
    }

    @Test
    @Order(5)
    void aRefusedChangeIsShownInPlainWordsWithItsCell() throws Exception {
        // a word where the rules want a rate: the gate refuses it and names the cell
        Path copy = dir.resolve("policy-with-a-word.xlsx");
        Files.copy(server.home().resolve(smos.testing.ReturnsChanges.POLICY), copy);
        String cell = smos.testing.Workbooks.cellOf(copy, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        smos.testing.Workbooks.set(copy, "Outcome", cell, "thirty");
        // saved over the working file, as a business user saving on the server's disk does
        Path working = server.home().resolve(smos.testing.ReturnsChanges.POLICY);
        byte[] original = Files.readAllBytes(working);
        Files.copy(copy, working, StandardCopyOption.REPLACE_EXISTING);
        server.manager().reloadFromDisk("returns");
        browser.get(server.url() + "/console/domains");
        String refusal = browser.findElement(By.cssSelector("#domain-returns .refusal")).getText();
        assertTrue(refusal.contains("sheet Outcome, cell " + cell), refusal);
        assertTrue(browser.findElement(By.cssSelector("#domain-returns")).getText().contains("STALE"));
        checkPage("domains-refusal");
        Files.write(working, original);
        server.manager().reloadFromDisk("returns");
    }

    @Test
    @Order(6)
    void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
        String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
        HttpResponse<String> withoutToken = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/console/sign-out"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SignIn.SESSION_COOKIE + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, withoutToken.statusCode(), withoutToken.body());
        HttpResponse<String> wrongToken = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/console/sign-out"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SignIn.SESSION_COOKIE + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=guessed")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrongToken.statusCode(), wrongToken.body());
        HttpResponse<String> signInWithoutToken = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + PUBLISHER_TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, signInWithoutToken.statusCode(), signInWithoutToken.body());
        assertTrue(signInWithoutToken.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SignIn.SESSION_COOKIE + "=")));
        // the session still works: the refused form changed nothing
        browser.get(server.url() + "/console/domains");
        assertTrue(browser.findElement(By.cssSelector("header .who")).getText().contains("ana"));
    }

    @Test
    @Order(7)
    void theSessionCookieCannotBeReadByScriptsNorSentByOtherSites() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/console/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String formCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        String formToken = formCookie.substring(formCookie.indexOf('=') + 1, formCookie.indexOf(';'));
        assertTrue(page.body().contains("value=\"" + formToken + "\""), "the form carries the token its cookie holds");
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SignIn.SIGN_IN_COOKIE + "=" + formToken)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + formToken + "&token=" + VIEWER_TOKEN)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SignIn.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "served over plain HTTP here, so not Secure: " + cookie);
        assertTrue(cookie.contains("Max-Age=" + SignIn.SESSION_LENGTH.toSeconds()), cookie);
    }

    @Test
    @Order(8)
    void signingOutEndsTheSessionOnTheServer() {
        String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
        browser.get(server.url() + "/console/domains");
        browser.findElement(By.cssSelector("form[action='/console/sign-out'] button")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/console/sign-in"));
        // the old cookie, sent again, names no session any more
        browser.manage().addCookie(new Cookie(SignIn.SESSION_COOKIE, session, "/console"));
        browser.get(server.url() + "/console/domains");
        assertFalse(browser.findElement(By.cssSelector("header .who")).getText().contains("ana"));
        browser.manage().deleteAllCookies();
    }

    @Test
    @Order(9)
    void aDomainsWorkbookReadsAsItsBusinessUserKnowsIt() throws Exception {
        // signed out: without --protect-reads the read-only pages are open
        Path shipped = dir.resolve("shipped-policy.xlsx");
        Files.copy(server.home().resolve(smos.testing.ReturnsChanges.POLICY), shipped, StandardCopyOption.REPLACE_EXISTING);
        String cell = smos.testing.Workbooks.cellOf(shipped, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        String rowRef = browserRowOf(cell);
        browser.get(server.url() + "/console/domains/returns#row-Outcome-" + rowRef);
        checkPage("domain-workbook");
        WebElement row = browser.findElement(By.id("row-Outcome-" + rowRef));
        assertTrue(row.getText().contains("ChangedMindOpenedIsRefundedLessFee"), row.getText());
        // the opened unit's restocking fee is 15% (policy, returns: change of mind)
        assertEquals("0.15", row.findElement(By.cssSelector("td[data-cell='" + cell + "']")).getText().strip());
        // the row the address names is highlighted; others are not
        String highlighted = row.findElement(By.cssSelector("td")).getCssValue("background-color");
        String other = browser.findElement(By.cssSelector("#sheet-Outcome tbody tr:not([id='row-Outcome-" + rowRef + "']) td"))
                .getCssValue("background-color");
        assertFalse(highlighted.equals(other), highlighted + " vs " + other);
        // the code rows are folded away: present, but closed
        WebElement code = browser.findElement(By.cssSelector("#sheet-Outcome details.code"));
        assertNull(code.getAttribute("open"));
        assertFalse(code.findElement(By.cssSelector("ul")).isDisplayed());
    }

    @Test
    @Order(10)
    void tryingADecisionWithTheKeyboardShowsTheDecisionAndLinksEachFiredRowToItsSheet() {
        HeadlessBrowser.signIn(server.url(), PUBLISHER_TOKEN);
        browser.get(server.url() + "/console/domains/returns/try");
        WebElement request = browser.findElement(By.id("request"));
        assertTrue(request.getAttribute("value").contains("\"claim\""), "prefilled with the example");
        checkPage("try");
        // an opened router bought direct, returned after 20 days for a change of mind: refunded less a 15% fee
        request.clear();
        request.sendKeys("{\"claim\": {\"claimId\": \"C-1\", \"productLine\": \"CONSUMER_ROUTER\", \"condition\": \"NEW\","
                + " \"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\","
                + " \"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true,"
                + " \"registered\": false}}");
        request.sendKeys(Keys.TAB); // to the Decide button
        assertEquals("Decide", browser.switchTo().activeElement().getText());
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement decision = HeadlessBrowser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("pre.decision")).stream().findFirst().orElse(null));
        String text = decision.getText().replaceAll("\\s+", "");
        assertTrue(text.contains("\"outcome\":\"REFUND\""), text);
        assertTrue(text.contains("\"restockingFee\":30.00") || text.contains("\"restockingFee\":30.0"), text);
        assertTrue(text.contains("\"refundAmount\":169.99"), text);
        checkPage("try-answer");
        // follow the fired fee row to the sheet, where that row is the one highlighted
        WebElement link = browser.findElement(By.linkText("ChangedMindOpenedIsRefundedLessFee"));
        String target = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
        link.click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("#" + target));
        WebElement row = browser.findElement(By.id(target));
        assertTrue(row.getText().contains("ChangedMindOpenedIsRefundedLessFee"), row.getText());
        String highlighted = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector(':target td')).backgroundColor;");
        assertEquals("rgb(255, 243, 176)", highlighted, "the targeted row has the highlight colour of console.css");
        assertEquals(target, ((JavascriptExecutor) browser).executeScript("return document.querySelector(':target').id;"));
    }

    @Test
    @Order(11)
    void tryingWithoutTheCsrfTokenIsRefused() throws Exception {
        String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/console/domains/returns/try"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SignIn.SESSION_COOKIE + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("request=%7B%7D")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
    }

    /** The row's reference as Drools names it: the table's first column (B) on the cell's row. */
    private static String browserRowOf(String cell) {
        return "B" + cell.replaceAll("[A-Z]", "");
    }

    /** Every page: each input has a label, nothing scrolls sideways at 800 px, and a screenshot for docs/console.md. */
    private static void checkPage(String name) {
        checkPage(browser, name);
    }

    static void checkPage(WebDriver browser, String name) {
        for (WebElement input : browser.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
            String id = input.getAttribute("id");
            assertNotNull(id, "an input without an id cannot have a label: " + input.getAttribute("name"));
            assertFalse(browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), "no label for " + id);
        }
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;");
        assertEquals(Boolean.TRUE, fits, name + " scrolls sideways at 800 px");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertNull(Object value) {
        org.junit.jupiter.api.Assertions.assertNull(value);
    }
}
