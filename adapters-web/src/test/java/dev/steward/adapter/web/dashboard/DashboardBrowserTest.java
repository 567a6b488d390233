package dev.steward.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.adapter.web.InMemoryCore;
import dev.steward.adapter.web.TestServer;
import dev.steward.adapter.web.WebFixtures;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.work.WorkItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The dashboard in headless Chromium: the flows a technician uses, and what only a browser can show. */
class DashboardBrowserTest {

    /** For the client list at 1280 px: a long name and a 61-character slug, the cells that squeeze the badges'. */
    private static final String LONG_NAME = "Contoso Manufacturing Holdings International Subsidiary Group "
            + "Of Companies North America";
    private static final String LONG_SLUG = "contoso-manufacturing-holdings-international-subsidiary-group";
    private static final Instant LAST = Instant.parse("2026-11-30T14:05:09Z");

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();
    private WebDriver driver;
    private TestServer server;

    @BeforeEach
    void startServerAndSignIn() {
        server = browser.startServer();
        driver = browser.driver();
        browser.signInAt("/clients");
    }

    private void signIn(String password) {
        browser.signIn(server.user.email().value(), password);
    }

    @Test
    void signsOutAndBackInLandingWhereItWasGoing() {
        driver.findElement(By.cssSelector(".account button")).click();
        browser.within(5).until(d -> d.getCurrentUrl().contains("/login"));

        browser.open("/settings");
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

    private void changeStored(String slug, UnaryOperator<Client> change) {
        Client stored = server.core.clients.find(server.msp.id(), Slug.of(slug)).orElseThrow();
        server.core.clients.update(change.apply(stored));
    }


    private WebElement badge() {
        return driver.findElement(By.cssSelector("[data-client] [data-field=status]"));
    }

    @Test
    void createsAClientWithTheSuggestedSlugAndLandsOnItsPage() {
        browser.open("/clients");
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
        browser.open("/clients");
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
        browser.open("/clients/acme");
        browser.js("window.notReloaded = true;");
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
        assertThat(browser.js("return window.notReloaded === true;")).isEqualTo(true);
        browser.screenshot("badge-active");
    }

    @Test
    void stopsRefreshingWhileTheTabIsHiddenAndResumesWhenShown() {
        server.createClient("Acme", "acme");
        browser.open("/clients");
        assertThat(browser.js("return window.stewardRefresh.running();")).isEqualTo(true);

        browser.js("Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});"
                + "document.dispatchEvent(new Event('visibilitychange'));");
        assertThat(browser.js("return window.stewardRefresh.running();")).isEqualTo(false);

        changeStored("acme", c -> c.movedTo(AgentStatus.PROVISIONING, "go", Instant.now()));
        browser.js("Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'visible'});"
                + "document.dispatchEvent(new Event('visibilitychange'));");
        assertThat(browser.js("return window.stewardRefresh.running();")).isEqualTo(true);
        browser.within(3).until(d -> badge().getText().equals("provisioning"));
    }

    @Test
    void switchesModeEditsThePromptAndDeletesWithTheTypedName() {
        server.createClient("Initech", "initech");
        browser.open("/clients/initech");

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

        browser.open("/clients");

        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElement(By.cssSelector("[data-client=xss] a")).getText())
                .isEqualTo("<script>alert(1)</script>");
        browser.open("/clients/xss-img");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("<img src=x onerror=alert(2)>");
    }

    @Test
    void needsNoHorizontalScrollingOnAPhone() {
        server.createClient("A client with a rather long name that goes on and on and on", "a-long-slug-"
                + "x".repeat(40));
        driver.manage().window().setSize(BrowserSupport.PHONE);

        for (String path : new String[] {"/clients", "/clients/a-long-slug-" + "x".repeat(40), "/settings"}) {
            assertThat(browser.horizontalOverflow(path)).as(path + " at 390 px").isLessThanOrEqualTo(0);
        }
        browser.open("/clients");
        browser.screenshot("phone-clients");
    }

    @Test
    void dryRunsAPastedRequestShowingTheNoteAndRefusesAnEmptyFormOnTheTicketField() {
        server.createClient("Acme", "acme");
        browser.open("/clients/acme");
        driver.findElement(By.linkText("Dry run")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/acme/dry-run"));

        driver.findElement(By.cssSelector("form.dry-run button[type=submit]")).click();
        WebElement error = browser.within(5).until(d -> d.findElement(By.id("ticket-error")));
        assertThat(error.getText()).contains("either a ticket number or a pasted text");
        assertThat(driver.findElement(By.id("ticket")).getAttribute("aria-invalid")).isEqualTo("true");

        driver.findElement(By.id("text")).sendKeys("I forgot my password, it expired over the weekend");
        driver.findElement(By.cssSelector("form.dry-run button[type=submit]")).click();
        WebElement note = browser.within(5).until(d -> d.findElement(By.cssSelector("[data-field=note]")));
        browser.screenshot("dry-run");
        assertThat(note.getText()).isNotBlank();
        assertThat(driver.findElement(By.cssSelector("[data-field=workflows]")).getText()).contains("Password reset");
        assertThat(driver.findElement(By.id("text")).getDomProperty("value")).startsWith("I forgot my password");
        assertThat(server.core.activityLog.query(dev.steward.application.port.activity.ActivityQuery.newest(server.msp.id(),
                Optional.empty(), 50))).isNotEmpty().allSatisfy(e -> assertThat(e.ticket()).contains("dry-run:text"));
    }

    // --- the client list at a laptop's 1280 px: badges and words whole, requests waiting and last activity ---

    @Test
    void keepsEveryBadgeOnOneLineAndShowsRequestsWaitingAndLastActivity() {
        server.createClient(LONG_NAME, LONG_SLUG);
        server.createClient("Acme", "acme");
        server.createClient("Globex Corporation", "globex");
        Client busy = activate(LONG_SLUG);
        activate("globex");
        for (int n = 1; n <= 3; n++) {
            server.core.agentApi.work.add(WorkItem.newTicket(UUID.randomUUID(), server.msp.id(), busy.id(),
                    UUID.randomUUID(), n, "printer " + n + " jammed", Instant.now()));
        }
        server.core.activityLog.append(List.of(WebFixtures.request(busy, LAST.minusSeconds(3600)),
                WebFixtures.request(busy, LAST)));

        assertThat(driver.manage().window().getSize()).isEqualTo(BrowserSupport.LAPTOP);
        driver.navigate().refresh();
        browser.within(5).until(d -> d.findElements(By.cssSelector("tr[data-client]")).size() == 3);
        browser.screenshot("client-list-1280");

        List<WebElement> badges = driver.findElements(By.cssSelector("table.clients .badge"));
        assertThat(badges).hasSize(6);
        for (WebElement badge : badges) {
            assertThat(lines(badge)).as("lines of the %s badge '%s'", badge.getAttribute("data-field"),
                    badge.getText()).isEqualTo(1);
        }
        List<WebElement> headings = driver.findElements(By.cssSelector("table.clients thead th"));
        assertThat(headings.stream().map(WebElement::getText)).contains("Requests waiting", "Last activity");
        for (WebElement cell : driver.findElements(By.cssSelector(
                "table.clients th, table.clients td:not([data-label=Name]):not([data-label=Slug])"))) {
            assertThat(wordsBrokenInside(cell)).as("words broken inside in '%s'", cell.getText()).isEmpty();
        }
        WebElement row = driver.findElement(By.cssSelector("tr[data-client=\"" + LONG_SLUG + "\"]"));
        assertThat(row.findElement(By.cssSelector("[data-field=waiting]")).getText()).isEqualTo("3");
        assertThat(row.findElement(By.cssSelector("[data-field=last-activity]")).getText())
                .isEqualTo("2026-11-30 14:05:09 UTC");
        WebElement quiet = driver.findElement(By.cssSelector("tr[data-client=acme]"));
        assertThat(quiet.findElement(By.cssSelector("[data-field=waiting]")).getText()).isEqualTo("0");
        assertThat(quiet.findElement(By.cssSelector("[data-field=last-activity]")).getText()).isEqualTo("none yet");

        browser.js("window.notReloaded = true;");
        Client acme = server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow();
        server.core.agentApi.work.add(WorkItem.newTicket(UUID.randomUUID(), server.msp.id(), acme.id(),
                UUID.randomUUID(), 9, "VPN drops", Instant.now()));
        server.core.activityLog.append(List.of(WebFixtures.request(acme, LAST.plusSeconds(60))));
        browser.within(12).until(d -> d.findElement(By.cssSelector("tr[data-client=acme] [data-field=waiting]"))
                .getText().equals("1"));
        assertThat(driver.findElement(By.cssSelector("tr[data-client=acme] [data-field=last-activity]")).getText())
                .as("refreshed from the list API").isEqualTo("2026-11-30 14:06:09 UTC");
        assertThat(browser.js("return window.notReloaded === true;")).isEqualTo(true);
    }

    /**
     * How many lines the badge's text takes: the distinct tops of its text's line boxes. (The badge is an
     * inline-block, so its own client rects are one box even when the word inside wraps.)
     */
    private int lines(WebElement badge) {
        Object tops = ((JavascriptExecutor) driver).executeScript("""
                var range = document.createRange();
                range.selectNodeContents(arguments[0]);
                var tops = new Set();
                for (var rect of range.getClientRects()) { if (rect.width > 0) { tops.add(Math.round(rect.top)); } }
                return tops.size;""", badge);
        return ((Number) tops).intValue();
    }

    /** The words of the element's text whose letters sit on more than one line. */
    @SuppressWarnings("unchecked")
    private List<String> wordsBrokenInside(WebElement element) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                var broken = [];
                var walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
                for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                  var re = /\\S+/g, match;
                  while ((match = re.exec(node.data)) !== null) {
                    var range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    var tops = new Set();
                    for (var rect of range.getClientRects()) { if (rect.width > 0) { tops.add(Math.round(rect.top)); } }
                    if (tops.size > 1) { broken.push(match[0]); }
                  }
                }
                return broken;""", element);
    }

    private Client activate(String slug) {
        Client stored = server.core.clients.find(server.msp.id(), Slug.of(slug)).orElseThrow();
        return server.core.clients.update(stored.movedTo(AgentStatus.PROVISIONING, "deploy", Instant.now())
                .movedTo(AgentStatus.ACTIVE, "agent up", Instant.now()));
    }
}
