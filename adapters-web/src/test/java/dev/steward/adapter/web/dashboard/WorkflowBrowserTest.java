package dev.steward.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Workflows in headless Chromium: the MSP's Workflows page and a client's Workflows tab — create with the error on the
 * field, activate, archive (an archived one offers no way back to draft), edit with its history.
 */
class WorkflowBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();
    private WebDriver driver;
    private TestServer server;

    @BeforeEach
    void startServerAndSignIn() {
        server = browser.startServer();
        driver = browser.driver();
        browser.signInAt("/workflows");
    }

    private void fill(String name, String trigger, String instructions) {
        for (String[] field : List.of(new String[] {"name", name}, new String[] {"trigger", trigger},
                new String[] {"instructions", instructions})) {
            WebElement input = driver.findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
    }

    private WebElement row(String name) {
        return driver.findElement(By.cssSelector("tr[data-workflow='" + name + "']"));
    }

    @Test
    void createsAnMspWideWorkflowShowingAnEmptyTriggerOnItsFieldThenActivatesArchivesAndEditsIt() {
        driver.findElement(By.cssSelector("nav[aria-label=Main] a[href='/workflows']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Workflows");
        assertThat(driver.findElements(By.cssSelector("tr[data-workflow='Locked out']"))).as("built in").hasSize(1);

        fill("Printer <b>jam</b>", "   ", "Restart the spooler.");   // blank: the browser lets it through
        driver.findElement(By.cssSelector("form[action='/workflows'] button[type=submit]")).click();

        WebElement error = browser.within(5).until(d -> d.findElement(By.id("trigger-error")));
        assertThat(error.getText()).isEqualTo("is required");
        assertThat(driver.findElement(By.id("trigger")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Printer <b>jam</b>");
        assertThat(server.core.workflows.list(new WorkflowScope.MspWide(server.msp.id()))).isEmpty();
        browser.screenshot("workflow-create-error");

        fill("Printer <b>jam</b>", "The \"printer\" is jammed.", "Restart the spooler.");
        new Select(driver.findElement(By.id("status"))).selectByValue("active");
        driver.findElement(By.cssSelector("form[action='/workflows'] button[type=submit]")).click();

        browser.within(5).until(d -> !d.findElements(By.cssSelector("tr[data-workflow='Printer <b>jam</b>']"))
                .isEmpty());
        assertThat(row("Printer <b>jam</b>").findElement(By.cssSelector("[data-field=status]")).getText())
                .isEqualTo("active");
        row("Printer <b>jam</b>").findElement(By.cssSelector("button[aria-label='Archive Printer <b>jam</b>']"))
                .click();

        browser.within(5).until(d -> row("Printer <b>jam</b>").findElement(By.cssSelector("[data-field=status]"))
                .getText().equals("archived"));
        assertThat(row("Printer <b>jam</b>").findElements(By.cssSelector("button"))).extracting(WebElement::getText)
                .as("an archived workflow comes back only by activating it").containsExactly("Activate");
        browser.screenshot("workflow-archived");

        row("Printer <b>jam</b>").findElement(By.linkText("Printer <b>jam</b>")).click();
        browser.within(5).until(d -> d.findElement(By.tagName("h1")).getText().equals("Printer <b>jam</b>"));
        WebElement instructions = driver.findElement(By.id("instructions"));
        instructions.clear();
        instructions.sendKeys("Restart the spooler, then print a test page.");
        driver.findElement(By.cssSelector("form[action^='/workflows/'] button[type=submit]")).click();

        browser.within(5).until(d -> d.findElements(By.cssSelector("[data-field=history] li")).size() == 3);
        assertThat(driver.findElement(By.cssSelector("[data-field=history]")).getText())
                .contains("Version 3 by " + server.user.email().value());
        Workflow stored = server.core.workflows.list(new WorkflowScope.MspWide(server.msp.id())).getFirst();
        assertThat(stored.instructions()).isEqualTo("Restart the spooler, then print a test page.");
        assertThat(stored.status()).isEqualTo(WorkflowStatus.ARCHIVED);
        assertThat(stored.version().number()).isEqualTo(3);
    }

    @Test
    void aClientsWorkflowsTabCreatesOneForThatClientAndNamesADuplicateOnTheNameField() {
        server.createClient("Acme", "acme");
        browser.open("/clients/acme");
        driver.findElement(By.cssSelector("nav.tabs a[href='/clients/acme/workflows']")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/acme/workflows"));

        fill("VPN", "The \"VPN\" drops.", "Reconnect with the client's gateway.");
        driver.findElement(By.cssSelector("form[action='/clients/acme/workflows'] button[type=submit]")).click();
        browser.within(5).until(d -> !d.findElements(By.cssSelector("tr[data-workflow='VPN']")).isEmpty());
        assertThat(row("VPN").findElement(By.cssSelector("[data-field=status]")).getText()).isEqualTo("draft");
        row("VPN").findElement(By.cssSelector("button[aria-label='Activate VPN']")).click();
        browser.within(5).until(d -> row("VPN").findElement(By.cssSelector("[data-field=status]")).getText()
                .equals("active"));

        fill("vpn", "The \"VPN\" is slow.", "Check the line.");
        driver.findElement(By.cssSelector("form[action='/clients/acme/workflows'] button[type=submit]")).click();

        WebElement error = browser.within(5).until(d -> d.findElement(By.id("name-error")));
        assertThat(error.getText()).contains("exists in this scope already");
        assertThat(driver.findElements(By.cssSelector("tr[data-workflow]"))).hasSize(1);
        browser.screenshot("client-workflows-duplicate");
    }
}
