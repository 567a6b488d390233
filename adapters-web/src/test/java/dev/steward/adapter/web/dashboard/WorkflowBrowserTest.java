package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import dev.steward.domain.client.Slug;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
        type("checks-0-tool", "m365:get-user");                   // created with a check
        type("checks-0-arguments", "user={requester}");
        driver.findElement(By.cssSelector("form[action='/clients/acme/workflows'] button[type=submit]")).click();
        browser.within(5).until(d -> !d.findElements(By.cssSelector("tr[data-workflow='VPN']")).isEmpty());
        assertThat(server.core.workflows.list(new WorkflowScope.OneClient(server.msp.id(), server.core.clients.find(
                server.msp.id(), Slug.of("acme")).orElseThrow().id())).getFirst().steps().checks())
                .singleElement().satisfies(c -> assertThat(c.arguments()).containsExactly(Map.entry("user",
                        "{requester}")));
        assertThat(row("VPN").findElement(By.cssSelector("[data-field=status]")).getText()).isEqualTo("draft");
        row("VPN").findElement(By.cssSelector("button[aria-label='Activate VPN']")).click();
        browser.within(5).until(d -> row("VPN").findElement(By.cssSelector("[data-field=status]")).getText()
                .equals("active"));

        fill("vpn", "The \"VPN\" is slow.", "Check the line.");
        type("actions-0-tool", "m365:revoke-sessions");           // no reason: refused on its field
        driver.findElement(By.cssSelector("form[action='/clients/acme/workflows'] button[type=submit]")).click();

        WebElement reason = browser.within(5).until(d -> d.findElement(By.id("actions-0-reason-error")));
        assertThat(reason.getText()).isEqualTo("is required");
        assertThat(driver.findElement(By.id("actions-0-tool")).getDomProperty("value")).as("kept as typed")
                .isEqualTo("m365:revoke-sessions");

        type("actions-0-reason", "the gateway drops idle sessions");
        driver.findElement(By.cssSelector("form[action='/clients/acme/workflows'] button[type=submit]")).click();
        WebElement error = browser.within(5).until(d -> d.findElement(By.id("name-error")));
        assertThat(error.getText()).contains("exists in this scope already");
        assertThat(driver.findElements(By.cssSelector("tr[data-workflow]"))).hasSize(1);
        browser.screenshot("client-workflows-duplicate");
    }

    // --- structured steps: checks and planned actions, edited on the workflow's page ---

    private String printerWithSteps() {
        return parse(server.post("/api/v1/workflows", json(Map.of("name", "Printer", "trigger",
                "The \"printer\" is offline.", "instructions", "List the printers, then restart the spooler.",
                "checks", List.of(Map.of("tool", "intune:list-printers", "arguments", Map.of("user", "{requester}"))),
                "actions", List.of(Map.of("tool", "intune:restart-spooler", "arguments", Map.of("device", "{group}"),
                        "reason", "a stuck spooler is the usual cause")))))).path("id").asText();
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Saves the workflow's form and waits for the page it answers (so an error of the old page is not read). */
    private void save() {
        WebElement form = driver.findElement(By.cssSelector("form[action^='/workflows/']"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.within(5).until(ExpectedConditions.stalenessOf(form));
    }

    @Test
    void editsTheChecksAndPlannedActionsShowingEachBadStepOnItsFieldAndStoringNothingThen() {
        String id = printerWithSteps();
        browser.open("/workflows/" + id);
        assertThat(driver.findElement(By.id("checks-0-tool")).getDomProperty("value"))
                .isEqualTo("intune:list-printers");
        assertThat(driver.findElement(By.id("checks-0-arguments")).getDomProperty("value"))
                .isEqualTo("user={requester}");
        assertThat(driver.findElement(By.id("actions-0-reason")).getDomProperty("value"))
                .isEqualTo("a stuck spooler is the usual cause");

        type("actions-0-reason", " ");                               // blank: the browser lets it through
        type("checks-1-tool", "Not A Tool");                        // the empty row for a new check
        type("checks-1-arguments", "user={requester}\nno equals sign here");
        save();

        WebElement reason = browser.within(5).until(d -> d.findElement(By.id("actions-0-reason-error")));
        assertThat(reason.getText()).isEqualTo("is required");
        assertThat(driver.findElement(By.id("actions-0-reason")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("checks-1-arguments-error")).getText()).contains("line 2");
        assertThat(driver.findElement(By.id("checks-1-tool")).getDomProperty("value")).as("kept as typed")
                .isEqualTo("Not A Tool");
        browser.screenshot("workflow-steps-errors");
        assertThat(server.core.workflows.list(new WorkflowScope.MspWide(server.msp.id())).getFirst().version()
                .number()).as("nothing stored").isEqualTo(1);

        type("checks-1-arguments", "user={requester}");
        save();
        WebElement tool = browser.within(5).until(d -> d.findElement(By.id("checks-1-tool-error")));
        assertThat(tool.getText()).isNotBlank();
        assertThat(driver.findElement(By.id("actions-0-reason-error")).getText()).isEqualTo("is required");

        type("checks-1-tool", "intune:list-devices");
        type("actions-0-reason", "the spooler hangs after updates");
        type("checks-0-tool", "");                                  // a row emptied is a step removed
        type("checks-0-arguments", "");
        save();

        browser.within(5).until(d -> d.findElements(By.cssSelector("[data-field=history] li")).size() == 2);
        Workflow stored = server.core.workflows.list(new WorkflowScope.MspWide(server.msp.id())).getFirst();
        assertThat(stored.steps().checks()).singleElement().satisfies(c -> {
            assertThat(c.tool().value()).isEqualTo("intune:list-devices");
            assertThat(c.arguments()).containsExactly(Map.entry("user", "{requester}"));
        });
        assertThat(stored.steps().actions()).singleElement().satisfies(a -> {
            assertThat(a.tool().value()).isEqualTo("intune:restart-spooler");
            assertThat(a.arguments()).containsExactly(Map.entry("device", "{group}"));
            assertThat(a.reason()).isEqualTo("the spooler hangs after updates");
        });
        assertThat(driver.findElement(By.id("checks-0-tool")).getDomProperty("value"))
                .isEqualTo("intune:list-devices");

        driver.manage().window().setSize(BrowserSupport.PHONE);
        assertThat(browser.horizontalOverflow("/workflows/" + id)).as("the steps at 390 px").isLessThanOrEqualTo(0);
        browser.screenshot("phone-workflow-steps");
    }
}
