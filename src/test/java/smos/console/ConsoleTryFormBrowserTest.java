package smos.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The try form of the returns domain in a real headless browser, with the keyboard alone: the form comes
 * prefilled with the example (the first scenario: an opened router bought direct, returned on day 20
 * because the customer changed their mind, which policy section 7 refunds less a 15% restocking fee).
 * Unticking "opened" makes it an unopened return within the 30 days, which the same section refunds in
 * full: no fee, the whole price back, and the "unopened" row fires.
 */
class ConsoleTryFormBrowserTest {
    private static final String TOKEN = "tess-tries-0123456789";

    @TempDir
    static Path dir;
    private static PublishingServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        server = new PublishingServer(dir, Tokens.parse(List.of("tess:viewer=" + TOKEN)));
        browser = HeadlessBrowser.shared();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(800, 1000));
        HeadlessBrowser.signIn(server.url(), TOKEN);
    }

    @AfterAll
    static void stop() {
        browser.manage().deleteAllCookies();
        server.close();
    }

    @Test
    void changingOneFieldOfTheFormWithTheKeyboardChangesTheDecisionAsThePolicySays() {
        browser.get(server.url() + "/console/domains/returns/try");

        // prefilled with the example, each value in an input of its type
        assertEquals("C-1", value("f-claim-claimId"));
        assertEquals("DIRECT", new Select(browser.findElement(By.id("f-claim-channel"))).getFirstSelectedOption().getText());
        assertEquals("CHANGED_MIND", new Select(browser.findElement(By.id("f-claim-reason"))).getFirstSelectedOption().getText());
        assertEquals("date", browser.findElement(By.id("f-claim-purchaseDate")).getAttribute("type"));
        assertEquals("2026-10-01", value("f-claim-purchaseDate"));
        assertEquals("2026-10-21", value("f-claim-claimDate"));
        WebElement price = browser.findElement(By.id("f-claim-purchasePrice"));
        assertEquals("number", price.getAttribute("type"));
        assertEquals("0", price.getAttribute("min"), "the schema's minimum: a price is never negative");
        BigDecimal purchasePrice = new BigDecimal(price.getAttribute("value"));
        WebElement opened = browser.findElement(By.id("f-claim-opened"));
        assertTrue(opened.isSelected(), "the example's unit was opened");
        assertTrue(browser.findElement(By.cssSelector("label[for='f-claim-claimId']")).getText().contains("required"),
                "required fields are marked");
        ConsoleBrowserTest.checkPage(browser, "try-form");

        // the keyboard alone: Tab to "Opened", Space to untick it, Tab on to the form's Decide, Enter
        browser.findElement(By.tagName("body")).click();
        tabTo("f-claim-opened");
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertFalse(browser.findElement(By.id("f-claim-opened")).isSelected());
        tabTo("decide-form");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        WebElement decision = HeadlessBrowser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("pre.decision")).stream().findFirst().orElse(null));
        String text = decision.getText().replaceAll("\\s+", "");
        assertTrue(text.contains("\"outcome\":\"REFUND\""), text);
        assertEquals(0, number(text, "restockingFee").signum(), "unopened: no restocking fee; " + text);
        assertEquals(0, number(text, "refundAmount").compareTo(purchasePrice), "unopened: the whole price back; " + text);
        WebElement row = browser.findElement(By.linkText("ChangedMindUnopenedIsRefundedInFull"));
        assertTrue(row.getAttribute("href").contains("/console/domains/returns#row-"), row.getAttribute("href"));
        assertTrue(browser.findElements(By.linkText("ChangedMindOpenedIsRefundedLessFee")).isEmpty(),
                "the fee row no longer fires");
        // the form keeps what was sent, and the JSON box shows the request the form made
        assertFalse(browser.findElement(By.id("f-claim-opened")).isSelected());
        assertTrue(value("request").replaceAll("\\s+", "").contains("\"opened\":false"), value("request"));
        ConsoleBrowserTest.checkPage(browser, "try-form-answer");

        // the trace link opens the workbook at that row
        String target = row.getAttribute("href").substring(row.getAttribute("href").indexOf('#') + 1);
        row.sendKeys(Keys.ENTER);
        HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("#" + target));
        assertTrue(browser.findElement(By.id(target)).getText().contains("ChangedMindUnopenedIsRefundedInFull"));
    }

    @Test
    void aRefusedValueIsShownBesideItsField() {
        browser.get(server.url() + "/console/domains/returns/try");
        WebElement claimId = browser.findElement(By.id("f-claim-claimId"));
        claimId.clear();
        claimId.sendKeys("   " + Keys.ENTER); // blank text breaks the contract: the API would answer 400
        WebElement error = HeadlessBrowser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("f-claim-claimId-error")).stream().findFirst().orElse(null));
        assertFalse(error.getText().isBlank());
        assertEquals("true", browser.findElement(By.id("f-claim-claimId")).getAttribute("aria-invalid"));
        WebElement summary = browser.findElement(By.cssSelector("[role=alert]"));
        assertTrue(summary.getText().contains("claim.claimId"), summary.getText());
        assertEquals("#f-claim-claimId", summary.findElement(By.linkText("claim.claimId")).getDomAttribute("href"),
                "the error list leads to the field");
        assertEquals("2026-10-21", value("f-claim-claimDate"), "the other fields keep what was sent");
        ConsoleBrowserTest.checkPage(browser, "try-form-error");
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    /** Presses Tab until the element with this id has the focus; a form of a few dozen stops needs no more. */
    private static void tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            WebElement active = browser.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + id);
    }

    private static BigDecimal number(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":(-?[0-9.]+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return new BigDecimal(m.group(1));
    }
}
