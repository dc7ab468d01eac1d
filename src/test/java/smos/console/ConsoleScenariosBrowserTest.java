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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import smos.api.Tokens;
import smos.testing.HeadlessBrowser;
import smos.testing.PublishingServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenarios page in a real headless browser against a real server: the returns domain serves a version
 * without its damage scenarios, so the two damage rows are fired by no scenario; a tester's scenario file
 * with a wrong expectation, run against the serving version, shows its failure with field, expected and
 * actual. The tests run in order and share the browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleScenariosBrowserTest {
    private static final String TESTER_TOKEN = "tess-tests-0123456789";
    private static final String DAMAGE = "scenarios/returns/damage.yaml";

    @TempDir
    static Path dir;
    private static PublishingServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        // a tester reads and runs scenarios; the viewer role is enough for that
        server = new PublishingServer(dir, Tokens.parse(List.of("tess:viewer=" + TESTER_TOKEN)));
        try {
            Files.delete(server.home().resolve(DAMAGE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.manager().reloadFromDisk("returns"); // the other files still pass: this version serves
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
    void theDomainsScenariosRunOnThePageAndTheRowsNoScenarioFiresLinkToTheirRow() throws IOException {
        // signed out: reading is open without --protect-reads; the domain page links to the scenarios
        browser.get(server.url() + "/console/domains/returns");
        browser.findElement(By.linkText("Scenarios")).click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/console/domains/returns/scenarios"));
        assertEquals(server.base("returns", null), browser.findElement(By.cssSelector(".run code")).getAttribute("title"),
                "run against the version serving");
        // every scenario of the files left, counted from their text: one "  - name:" per scenario
        assertEquals(String.valueOf(scenariosIn(server.home().resolve("scenarios/returns"))),
                browser.findElement(By.cssSelector(".count-passed")).getText());
        assertEquals("0", browser.findElement(By.cssSelector(".count-failed")).getText());
        // only damage.yaml had damaged units (policy section 7, rule 1): without it nothing fires the two damage rows
        String notFired = browser.findElement(By.cssSelector("ul.not-fired")).getText();
        assertTrue(notFired.contains("PhysicalDamageIsDenied"), notFired);
        assertTrue(notFired.contains("LiquidDamageIsDenied"), notFired);
        assertTrue(!notFired.contains("ChangedMindOpenedIsRefundedLessFee"), "fired by change-of-mind.yaml: " + notFired);
        ConsoleBrowserTest.checkPage(browser, "scenarios");

        WebElement link = browser.findElement(By.linkText("PhysicalDamageIsDenied"));
        String target = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
        link.click();
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/console/domains/returns#" + target));
        WebElement row = browser.findElement(By.id(target));
        assertTrue(row.getText().contains("PhysicalDamageIsDenied"), row.getText());
        assertEquals(target, ((JavascriptExecutor) browser).executeScript("return document.querySelector(':target').id;"));
        assertEquals("rgb(255, 243, 176)", ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector(':target td')).backgroundColor;"),
                "the row is highlighted as console.css highlights a targeted row");
    }

    @Test
    @Order(2)
    void aTestersScenarioFileWithAWrongExpectationShowsTheFieldExpectedAndActual() throws IOException {
        browser.get(server.url() + "/console/sign-in");
        browser.switchTo().activeElement().sendKeys(TESTER_TOKEN + Keys.ENTER);
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/console/domains"));
        // policy section 7, rule 3: an opened unit bought direct and returned within 30 days for a change of mind
        // is refunded less the 15% restocking fee: 199.99 x 0.15 = 29.9985, 30.00. The file expects no fee.
        Path file = Files.writeString(dir.resolve("no-fee-when-opened.yaml"), """
                domain: returns
                scenarios:
                  - name: an opened router is wrongly expected back without a fee
                    given:
                      claim: {claimId: T-1, productLine: CONSUMER_ROUTER, condition: NEW, channel: DIRECT,
                              purchaseDate: 2026-10-01, claimDate: 2026-10-21, purchasePrice: 199.99,
                              reason: CHANGED_MIND, opened: true, proofOfPurchase: true, registered: false}
                    expect:
                      outcome: REFUND
                      restockingFee: 0.00
                """);
        browser.get(server.url() + "/console/domains/returns/scenarios");
        browser.findElement(By.id("scenarios")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.xpath("//button[text()='Run this file']")).click();
        WebElement failures = HeadlessBrowser.waitUpTo(Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector("table.failures")).stream().findFirst().orElse(null));
        assertEquals("0", browser.findElement(By.cssSelector(".count-passed")).getText());
        assertEquals("1", browser.findElement(By.cssSelector(".count-failed")).getText());
        List<WebElement> rows = failures.findElements(By.cssSelector("tbody tr"));
        assertEquals(1, rows.size(), failures.getText());
        WebElement failure = rows.get(0);
        // the scenario starts on line 3 of the file
        assertEquals("no-fee-when-opened.yaml:3", failure.findElement(By.cssSelector(".where")).getText());
        assertEquals("an opened router is wrongly expected back without a fee",
                failure.findElement(By.cssSelector(".scenario")).getText());
        assertEquals("restockingFee", failure.findElement(By.cssSelector(".field")).getText());
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(failure.findElement(By.cssSelector(".expected")).getText())));
        assertEquals(0, new BigDecimal("30.00").compareTo(new BigDecimal(failure.findElement(By.cssSelector(".actual")).getText())));
        ConsoleBrowserTest.checkPage(browser, "scenarios-failure");
    }

    @Test
    @Order(3)
    void runningAFileIsAFormThatNeedsTheCsrfToken() throws Exception {
        String session = browser.manage().getCookieNamed(SignIn.SESSION_COOKIE).getValue();
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                server.to("/console/domains/returns/scenarios")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", SignIn.SESSION_COOKIE + "=" + session)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=guessed")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
    }

    private static long scenariosIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(l -> l.startsWith("  - name:")).count();
        }
    }
}
