package dev.steward.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import dev.steward.adapter.web.WebFixtures;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Integrations and approvals in headless Chromium: connect, set a tool policy, decide an approval, disconnect. */
class IntegrationBrowserTest {

    private static final String KEY = "cw-private-key-0123-WXYZ";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();
    private WebDriver driver;
    private TestServer server;

    @BeforeEach
    void startServerAndSignIn() {
        server = browser.startServer();
        driver = browser.driver();
        browser.signInAt("/integrations");
    }

    private Client acme() {
        server.createClient("Acme <b>Corp</b>", "acme");
        return server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow();
    }

    @Test
    void connectsAPsaShowingTheServersErrorOnTheFieldThenItsSecretOnlyAsItsLastFourCharacters() {
        browser.open("/integrations");
        driver.findElement(By.cssSelector("details[data-kind=connectwise] summary")).click();
        driver.findElement(By.id("connect-connectwise-apiBase")).sendKeys("ftp://cw.example/apis/3.0/");
        driver.findElement(By.id("connect-connectwise-companyId")).sendKeys("northwind");
        driver.findElement(By.id("connect-connectwise-privateKey")).sendKeys(KEY);
        driver.findElement(By.cssSelector("details[data-kind=connectwise] button[type=submit]")).click();

        WebElement error = browser.within(5).until(d -> d.findElement(By.id("connect-connectwise-apiBase-error")));
        assertThat(error.getText()).contains("https");
        WebElement apiBase = driver.findElement(By.id("connect-connectwise-apiBase"));
        assertThat(apiBase.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("connect-connectwise-privateKey")).getDomProperty("value"))
                .as("a secret is never filled in again").isEmpty();
        browser.screenshot("integration-connect-error");

        apiBase.clear();
        apiBase.sendKeys("https://cw.example/apis/3.0/");
        driver.findElement(By.id("connect-connectwise-privateKey")).sendKeys(KEY);
        driver.findElement(By.cssSelector("details[data-kind=connectwise] button[type=submit]")).click();

        browser.within(5).until(d -> d.findElement(By.tagName("h1")).getText().equals("ConnectWise Manage"));
        assertThat(driver.findElement(By.cssSelector("[data-secret=privateKey]")).getText()).isEqualTo("set (…WXYZ)");
        assertThat(driver.getPageSource()).doesNotContain(KEY);
        assertThat(server.core.connected()).hasSize(1);
    }

    @Test
    void connectsAClientsIntegrationAndSetsAToolPolicy() {
        acme();
        browser.open("/clients/acme");
        driver.findElement(By.cssSelector("nav.tabs a[href='/clients/acme/integrations']")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/acme/integrations"));
        driver.findElement(By.cssSelector("details[data-kind=hudu] summary")).click();
        driver.findElement(By.id("connect-hudu-baseUrl")).sendKeys("https://docs.acme.example");
        driver.findElement(By.id("connect-hudu-apiKey")).sendKeys("hudu-api-key-0000-ABCD");
        driver.findElement(By.cssSelector("details[data-kind=hudu] button[type=submit]")).click();
        browser.within(5).until(d -> d.findElement(By.tagName("h1")).getText().equals("Hudu"));

        WebElement row = driver.findElement(By.cssSelector("tr[data-tool='hudu:archive-article']"));
        assertThat(new Select(row.findElement(By.tagName("select"))).getFirstSelectedOption().getText())
                .as("the catalog's curated default").isEqualTo("disabled");
        new Select(row.findElement(By.tagName("select"))).selectByValue("approval_needed");
        row.findElement(By.cssSelector("button[type=submit]")).click();

        browser.within(5).until(d -> d.findElement(By.cssSelector("tr[data-tool='hudu:archive-article'] select"))
                .getAttribute("data-policy").equals("approval_needed"));
        browser.screenshot("integration-tool-policy");
        Integration stored = server.core.integrations.list(server.msp.id(),
                Optional.of(server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow().id())).getFirst();
        assertThat(stored.policyOf(ToolName.of("hudu:archive-article"))).isEqualTo(ToolPolicy.APPROVAL_NEEDED);

        driver.findElement(By.partialLinkText("Disconnect Hudu")).click();
        browser.within(5).until(d -> d.findElement(By.tagName("h1")).getText().equals("Disconnect Hudu?"));
        driver.findElement(By.cssSelector("button.danger")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/acme/integrations"));
        assertThat(driver.findElements(By.cssSelector("tr[data-integration=hudu]"))).isEmpty();
    }

    @Test
    void approvesOneRequestAndDeniesAnotherRunningNoScriptFromThePlan() {
        Client acme = acme();
        ApprovalRequest first = WebFixtures.pendingApproval(server.core, acme, "Reset Jane's password "
                + "<img src=x onerror=alert(1)>");
        ApprovalRequest second = WebFixtures.pendingApproval(server.core, acme, "Unlock Bob's account");
        browser.open("/approvals");

        WebElement card = driver.findElement(By.cssSelector("[data-approval='" + first.id() + "']"));
        assertThat(card.getText()).contains("<img src=x onerror=alert(1)>").contains("[redacted]");
        card.findElement(By.name("reason")).sendKeys("Called Jane back on her desk phone");
        browser.screenshot("approvals-pending");
        card.findElement(By.cssSelector("button[value=approve]")).click();
        browser.within(5).until(d -> d.findElements(By.cssSelector("[data-approval='" + first.id() + "']")).isEmpty());
        driver.findElement(By.cssSelector("[data-approval='" + second.id() + "'] button[value=deny]")).click();
        browser.within(5).until(d -> d.getPageSource().contains("No approval requests are waiting."));

        assertThat(server.core.approvals.find(server.msp.id(), first.id()).orElseThrow().state())
                .isInstanceOfSatisfying(ApprovalState.Approved.class, a -> {
                    assertThat(a.reason()).isEqualTo("Called Jane back on her desk phone");
                    assertThat(a.by()).as("the signed-in technician").isEqualTo(server.user.email().value());
                });
        assertThat(server.core.approvals.find(server.msp.id(), second.id()).orElseThrow().state())
                .isInstanceOf(ApprovalState.Denied.class);
        try {
            driver.switchTo().alert();
            throw new AssertionError("a script from the plan ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    void needsNoHorizontalScrollingOnAPhone() {
        Client acme = acme();
        server.post("/api/v1/integrations", TestServer.json(java.util.Map.of("kind", "connectwise",
                "settings", java.util.Map.of("apiBase", "https://a-rather-long-host-name.example/v4_6_release/apis/3.0/",
                        "companyId", "northwind"), "secrets", java.util.Map.of("privateKey", KEY))));
        String id = server.core.integrations.list(server.msp.id(), Optional.empty()).getFirst().id().toString();
        WebFixtures.pendingApproval(server.core, acme, "Reset Jane's password and send it by SMS to her phone");
        driver.manage().window().setSize(BrowserSupport.PHONE);

        for (String path : new String[] {"/integrations", "/integrations/" + id, "/clients/acme/integrations",
                "/approvals", "/integrations/" + id + "/disconnect"}) {
            assertThat(browser.horizontalOverflow(path)).as(path + " at 390 px").isLessThanOrEqualTo(0);
        }
        browser.open("/integrations/" + id);
        browser.screenshot("phone-integration");
    }
}
