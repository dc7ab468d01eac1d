package smos.testing;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The project's real browser for tests: Debian's Chromium, headless, driven by Selenium through Debian's
 * chromedriver. One browser serves every browser test of a test run (starting Chromium takes seconds);
 * it starts on first use and quits in a shutdown hook, with its profile under /tmp removed.
 *
 * <p>Nothing is downloaded: the driver and the browser are named explicitly and Selenium Manager is told
 * to stay offline. When Chromium or its driver is missing the test fails, naming the packages to
 * install ({@code bin/test} installs them); it is never skipped.
 *
 * <pre>
 * WebDriver browser = HeadlessBrowser.shared();
 * browser.get(http.uri("/docs").toString());
 * HeadlessBrowser.waitUpTo(Duration.ofSeconds(30)).until(d -> ...);
 * </pre>
 */
public final class HeadlessBrowser {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver shared;
    private static Path profile;

    private HeadlessBrowser() {
    }

    /** The browser of this test run, started on first use. Tests share it: leave it on a page, never quit it. */
    public static synchronized WebDriver shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(HeadlessBrowser::quit, "headless-browser-quit"));
        }
        return shared;
    }

    /** Opens the console's sign-in page at {@code base} and signs in from the keyboard alone; waits for the domains page. */
    public static void signIn(String base, String token) {
        openSignIn(base);
        typeIntoFocus(token + Keys.ENTER);
        waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/console/domains"));
    }

    /**
     * Opens the console's sign-in page at {@code base} and waits until its token field has the focus (the page gives
     * it): on a busy machine, keys typed before the page is ready go nowhere.
     */
    public static void openSignIn(String base) {
        shared().get(base + "/console/sign-in");
        waitUpTo(Duration.ofSeconds(30)).until(d -> "token".equals(d.switchTo().activeElement().getAttribute("name")));
    }

    /** Types into whatever has the focus, as a keyboard user does. */
    public static void typeIntoFocus(CharSequence keys) {
        shared().switchTo().activeElement().sendKeys(keys);
    }

    /** Waits on the shared browser; generous deadlines, since the build machine is shared. */
    public static WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(shared(), timeout);
    }

    private static WebDriver start() {
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromium-driver");
        // Selenium Manager would otherwise look for (and download) a driver and a browser of its own
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            profile = Files.createTempDirectory(Path.of("/tmp"), "smos-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void requireInstalled(Path program, String debianPackage) {
        if (!Files.isExecutable(program)) {
            throw new AssertionError(program + " is missing: the browser tests need Debian's packages chromium and "
                    + "chromium-driver (apt-get install chromium chromium-driver, or run bin/test, which installs "
                    + "them); here " + debianPackage + " is not installed");
        }
    }

    private static synchronized void quit() {
        if (shared != null) {
            try {
                shared.quit();
            } catch (RuntimeException e) {
                // the JVM is exiting; a browser that is already gone needs nothing more
            }
            shared = null;
        }
        if (profile != null) {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a profile left under /tmp is harmless
            }
        }
    }
}
