package dev.steward.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.adapter.web.InMemoryCore;
import dev.steward.adapter.web.TestServer;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The dashboard in headless Chromium: the flows a technician uses, and what only a browser can show. */
class DashboardBrowserTest {

    private static BrowserSupport browser;
    private static WebDriver driver;
    private TestServer server;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSupport.start();
        driver = browser.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startServerAndSignIn() {
        server = TestServer.start();
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("/clients");
        signIn(InMemoryCore.PASSWORD);
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients"));
    }

    private void signIn(String password) {
        browser.signIn(server.user.email().value(), password);
    }

    @Test
    void signsOutAndBackInLandingWhereItWasGoing() {
        driver.findElement(By.cssSelector(".account button")).click();
        browser.within(5).until(d -> d.getCurrentUrl().contains("/login"));

        open("/settings");
        assertThat(driver.getCurrentUrl()).contains("/login?next=%2Fsettings");
        signIn("not the password");
        browser.within(5).until(d -> !d.findElements(By.id("password-error")).isEmpty()
                || !d.findElements(By.cssSelector("[role=alert]")).isEmpty());
        browser.screenshot("sign-in-refused");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("the email or password is wrong");

        driver.findElement(By.id("email")).clear();
        signIn(InMemoryCore.PASSWORD);
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/settings"));
        assertThat(driver.findElement(By.cssSelector(".account .who")).getText())
                .isEqualTo(server.user.email().value());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void open(String path) {
        driver.get(server.uri(path).toString());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void changeStored(String slug, UnaryOperator<Client> change) {
        Client stored = server.core.clients.find(server.msp.id(), Slug.of(slug)).orElseThrow();
        server.core.clients.update(change.apply(stored));
    }


    private WebElement badge() {
        return driver.findElement(By.cssSelector("[data-client] [data-field=status]"));
    }

    @Test
    void createsAClientWithTheSuggestedSlugAndLandsOnItsPage() {
        open("/clients");
        driver.findElement(By.id("name")).sendKeys("Ätna Café & Co");

        assertThat(driver.findElement(By.id("slug")).getDomProperty("value")).isEqualTo("atna-cafe-co");
        browser.screenshot("new-client-form");
        driver.findElement(By.cssSelector("form.new-client button[type=submit]")).click();

        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/atna-cafe-co"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ätna Café & Co");
        assertThat(badge().getText()).isEqualTo("creating");
    }

    @Test
    void showsTheServersErrorOnTheSlugField() {
        server.createClient("Taken", "taken");
        open("/clients");
        driver.findElement(By.id("name")).sendKeys("Another");
        WebElement slug = driver.findElement(By.id("slug"));
        slug.clear();
        slug.sendKeys("taken");
        driver.findElement(By.cssSelector("form.new-client button[type=submit]")).click();

        WebElement error = browser.within(5).until(d -> d.findElement(By.id("slug-error")));
        assertThat(error.getText()).contains("already used");
        assertThat(driver.findElement(By.id("slug")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("slug-taken");
    }

    @Test
    void turnsTheBadgesWithoutReloadingThePage() {
        server.createClient("Acme", "acme");
        open("/clients/acme");
        js("window.notReloaded = true;");
        assertThat(badge().getText()).isEqualTo("creating");

        // movedTo sets the deploy status from the status, so the deploy message is set after it
        changeStored("acme", c -> c.movedTo(AgentStatus.ERROR, "image missing", Instant.now())
                .withDeployStatus(new DeployStatus.Failed("image <pull> denied")));
        browser.within(12).until(d -> badge().getText().equals("error"));
        WebElement message = driver.findElement(By.cssSelector("[data-field=deploy-message]"));
        assertThat(message.isDisplayed()).isTrue();
        assertThat(message.getText()).isEqualTo("image <pull> denied");
        browser.screenshot("badge-error");

        changeStored("acme", c -> c.movedTo(AgentStatus.PROVISIONING, "retry", Instant.now())
                .movedTo(AgentStatus.ACTIVE, "agent up", Instant.now()));
        browser.within(12).until(d -> badge().getText().equals("active"));
        assertThat(badge().getAttribute("class")).isEqualTo("badge status-active");
        assertThat(driver.findElement(By.cssSelector("[data-field=deploy-message]")).isDisplayed()).isFalse();
        assertThat(js("return window.notReloaded === true;")).isEqualTo(true);
        browser.screenshot("badge-active");
    }

    @Test
    void stopsRefreshingWhileTheTabIsHiddenAndResumesWhenShown() {
        server.createClient("Acme", "acme");
        open("/clients");
        assertThat(js("return window.stewardRefresh.running();")).isEqualTo(true);

        js("Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});"
                + "document.dispatchEvent(new Event('visibilitychange'));");
        assertThat(js("return window.stewardRefresh.running();")).isEqualTo(false);

        changeStored("acme", c -> c.movedTo(AgentStatus.PROVISIONING, "go", Instant.now()));
        js("Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'visible'});"
                + "document.dispatchEvent(new Event('visibilitychange'));");
        assertThat(js("return window.stewardRefresh.running();")).isEqualTo(true);
        browser.within(3).until(d -> badge().getText().equals("provisioning"));
    }

    @Test
    void switchesModeEditsThePromptAndDeletesWithTheTypedName() {
        server.createClient("Initech", "initech");
        open("/clients/initech");

        driver.findElement(By.cssSelector("button[name=mode][value=execute]")).click();
        browser.within(5).until(d -> "true".equals(d.findElement(By.cssSelector("button[name=mode][value=execute]"))
                .getAttribute("aria-pressed")));
        assertThat(driver.findElement(By.cssSelector("[data-field=effective-mode]")).getText()).isEqualTo("execute");
        browser.screenshot("mode-execute");

        driver.findElement(By.linkText("Prompt")).click();
        WebElement prompt = browser.within(5).until(d -> d.findElement(By.id("prompt")));
        prompt.sendKeys("Initech uses <Okta> & MFA.");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.within(5).until(d -> d.findElement(By.cssSelector("pre.preview")).getText()
                .contains("Initech uses <Okta> & MFA."));
        browser.screenshot("prompt");

        driver.findElement(By.linkText("Overview")).click();
        browser.within(5).until(d -> d.findElement(By.id("confirmName"))).sendKeys("initech");
        driver.findElement(By.cssSelector("button.danger")).click();
        assertThat(browser.within(5).until(d -> d.findElement(By.id("confirmName-error"))).getText())
                .contains("typed exactly");
        driver.findElement(By.id("confirmName")).sendKeys("Initech");
        driver.findElement(By.cssSelector("button.danger")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients"));
        assertThat(driver.findElement(By.cssSelector("[data-client=initech] [data-field=status]")).getText())
                .isEqualTo("destroyed");
        browser.screenshot("deleted");
    }

    @Test
    void runsNoScriptFromAClientsName() {
        server.createClient("<script>alert(1)</script>", "xss");
        server.createClient("<img src=x onerror=alert(2)>", "xss-img");

        open("/clients");

        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElement(By.cssSelector("[data-client=xss] a")).getText())
                .isEqualTo("<script>alert(1)</script>");
        open("/clients/xss-img");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("<img src=x onerror=alert(2)>");
    }

    @Test
    void needsNoHorizontalScrollingOnAPhone() {
        server.createClient("A client with a rather long name that goes on and on and on", "a-long-slug-"
                + "x".repeat(40));
        driver.manage().window().setSize(new Dimension(390, 844));

        for (String path : new String[] {"/clients", "/clients/a-long-slug-" + "x".repeat(40), "/settings"}) {
            open(path);
            long scrollWidth = (Long) js("return document.documentElement.scrollWidth;");
            long viewport = (Long) js("return document.documentElement.clientWidth;");
            assertThat(scrollWidth).as(path + " at 390 px").isLessThanOrEqualTo(viewport);
        }
        open("/clients");
        browser.screenshot("phone-clients");
    }
}
