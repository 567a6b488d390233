package dev.steward.adapter.web.dashboard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.adapter.web.InMemoryCore;
import dev.steward.adapter.web.TestServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test shares, as a JUnit extension: one headless Debian Chromium per test class, driven by
 * Selenium with both paths set explicitly (no Selenium Manager, STACK.md §3.8); one {@link TestServer} per test,
 * closed after it; and the sign-in a page starts with. Without a browser the tests are skipped with the reason
 * printed, except under {@code CI=true}, where they fail.
 *
 * <pre>{@code
 * @RegisterExtension static final BrowserSupport browser = new BrowserSupport();
 * @BeforeEach void signIn() { server = browser.startServer(); browser.signInAt("/clients"); }
 * }</pre>
 */
final class BrowserSupport implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** A laptop's window: the width the dashboard is laid out for first. */
    static final Dimension LAPTOP = new Dimension(1280, 900);
    /** A phone's window, where no page may need horizontal scrolling. */
    static final Dimension PHONE = new Dimension(390, 844);

    private WebDriver driver;
    private Path profile;
    private TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String reason = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + ": missing under CI=true");
            }
            System.out.println("SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
        try {
            profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The browser of this test class. */
    WebDriver driver() {
        return driver;
    }

    /** Starts this test's server (closed after the test); set up what the first page needs, then sign in. */
    TestServer startServer() {
        server = TestServer.start();
        return server;
    }

    /**
     * At laptop width, opens {@code path} on this test's server, signs in as its admin (the gate sends every page to
     * the sign-in form first) and waits until the browser is back on {@code path}.
     */
    void signInAt(String path) {
        driver.manage().window().setSize(LAPTOP);
        open(path);
        signIn(server.user.email().value(), InMemoryCore.PASSWORD);
        within(5).until(d -> d.getCurrentUrl().endsWith(path));
    }

    /** Loads {@code path} of this test's server. */
    void open(String path) {
        driver.get(server.uri(path).toString());
    }

    /** Fills in and sends the sign-in form the browser is on. */
    void signIn(String email, String password) {
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /**
     * A wait that looks again when a form post reloaded the page under an element it had found: Selenium reports
     * that as stale, but Chrome sometimes as an "unknown error" (a node that "does not belong to the document"),
     * so every WebDriverException is looked at again; on timeout the last one is the cause.
     */
    WebDriverWait within(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Runs a script in the page and returns what it returns. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Opens {@code path} and tells how many pixels the page is wider than the window (0 or less: it fits). */
    long horizontalOverflow(String path) {
        open(path);
        long scrollWidth = (Long) js("return document.documentElement.scrollWidth;");
        long viewport = (Long) js("return document.documentElement.clientWidth;");
        return scrollWidth - viewport;
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
