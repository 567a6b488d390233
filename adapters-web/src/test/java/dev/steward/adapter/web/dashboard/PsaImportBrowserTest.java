package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.spi.Directory;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The PSA import screen in headless Chromium: from a connected PSA's page, its companies browsed (paging, search),
 * some picked with their suggested slugs edited, imported with a result per row — a taken slug refused on its own
 * row — and imported again creating nothing.
 */
class PsaImportBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();
    private WebDriver driver;
    private TestServer server;
    private String psa;

    @BeforeEach
    void aConnectedPsaWithMoreCompaniesThanAPage() {
        server = browser.startServer();
        driver = browser.driver();
        List<Directory.Entry> companies = new ArrayList<>(List.of(
                new Directory.Entry("250", "Contoso Ltd", "contoso.example"),
                new Directory.Entry("251", "Fabrikam, Inc.", "fabrikam.example"),
                new Directory.Entry("252", "Northwind Traders", "northwind.example")));
        for (int n = 1; n <= 30; n++) {
            companies.add(new Directory.Entry(Integer.toString(300 + n), "Customer " + n, "customer" + n
                    + ".example"));
        }
        server.core.psaProvider.withDirectory(Directory.of(companies));
        psa = parse(server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("apiBase", "https://cw.example/apis/3.0/", "companyId", "northwind"),
                "secrets", Map.of("privateKey", "cw-private-key-0123"))))).path("id").asText();
        // the PSA as the client mappings see it (in production both are the live connection)
        server.core.ticketSystems.connect(server.msp.id(), new InMemoryTicketSystem("connectwise", Clock.systemUTC()));
        server.createClient("Fabrikam (someone else)", "fabrikam");
        browser.signInAt("/integrations/" + psa);
    }

    private WebElement row(String companyId) {
        return driver.findElement(By.cssSelector("tr[data-company='" + companyId + "']"));
    }

    private void pick(String companyId, String slug) {
        WebElement row = row(companyId);
        WebElement box = row.findElement(By.cssSelector("input[type=checkbox]"));
        if (!box.isSelected()) {
            box.click();
        }
        if (slug != null) {
            WebElement input = row.findElement(By.cssSelector("input[name$='.slug']"));
            input.clear();
            input.sendKeys(slug);
        }
    }

    private void importPicked() {
        driver.findElement(By.cssSelector("form.psa-import button[type=submit]")).click();
        browser.within(5).until(d -> !d.findElements(By.cssSelector("[data-field=summary]")).isEmpty());
    }

    private String result(String companyId) {
        return row(companyId).findElement(By.cssSelector("[data-field=result]")).getText();
    }

    private List<String> clientSlugs() {
        List<String> slugs = new ArrayList<>();
        parse(server.get("/api/v1/clients?limit=500")).path("items").forEach(c -> slugs.add(c.path("slug").asText()));
        return slugs;
    }

    @Test
    void importsThePickedCompaniesRefusingATakenSlugOnItsRowAndASecondImportCreatesNothing() {
        driver.findElement(By.linkText("Import companies as clients")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/integrations/" + psa + "/import"));
        assertThat(driver.findElements(By.cssSelector("tr[data-company]"))).as("one page").hasSize(25);
        assertThat(row("251").findElement(By.cssSelector("input[name$='.slug']")).getDomProperty("value"))
                .as("suggested from the company's name").isEqualTo("fabrikam-inc");
        driver.findElement(By.cssSelector("a[rel=next]")).click();
        browser.within(5).until(d -> d.findElements(By.cssSelector("tr[data-company='330']")).size() == 1);
        assertThat(driver.findElements(By.cssSelector("tr[data-company]"))).hasSize(8);

        driver.findElement(By.id("search")).sendKeys("n");   // Contoso, Fabrikam, Inc. and Northwind: no customer
        driver.findElement(By.cssSelector("form.directory-search button")).click();
        browser.within(5).until(d -> d.findElements(By.cssSelector("tr[data-company]")).size() == 3);
        assertThat(driver.findElements(By.cssSelector("a[rel=next]"))).isEmpty();
        pick("250", "contoso");
        pick("251", "fabrikam");          // taken by another client
        pick("252", null);                // the suggested northwind-traders
        browser.screenshot("psa-import-picked");
        importPicked();

        browser.screenshot("psa-import-result");
        assertThat(driver.findElement(By.cssSelector("[data-field=summary]")).getText())
                .isEqualTo("2 created, 0 already clients, 1 refused.");
        assertThat(result("250")).isEqualTo("created as contoso");
        assertThat(result("252")).isEqualTo("created as northwind-traders");
        assertThat(result("251")).isEqualTo("refused");
        WebElement taken = row("251").findElement(By.cssSelector("input[name$='.slug']"));
        assertThat(taken.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(taken.getDomProperty("value")).as("kept as typed").isEqualTo("fabrikam");
        assertThat(row("251").findElement(By.cssSelector(".field-error")).getText()).contains("already used");
        assertThat(row("251").findElement(By.cssSelector("input[type=checkbox]")).isSelected())
                .as("still picked, to fix and import again").isTrue();
        assertThat(row("250").findElement(By.cssSelector("input[type=checkbox]")).isSelected()).isFalse();
        Client contoso = server.core.clients.find(server.msp.id(), Slug.of("contoso")).orElseThrow();
        assertThat(contoso.name().value()).isEqualTo("Contoso Ltd");
        assertThat(contoso.psaMapping()).hasValueSatisfying(m -> assertThat(m.companyId()).isEqualTo("250"));

        browser.open("/clients");
        assertThat(driver.findElement(By.cssSelector("tr[data-client=contoso]")).getText()).contains("Contoso Ltd");
        assertThat(driver.findElement(By.cssSelector("tr[data-client=northwind-traders]")).getText())
                .contains("Northwind Traders");
        List<String> before = clientSlugs();

        browser.open("/integrations/" + psa + "/import?search=n");
        assertThat(result("250")).as("said before importing").isEqualTo("already the client contoso");
        assertThat(result("251")).isEmpty();
        pick("250", null);
        pick("252", null);
        importPicked();

        assertThat(driver.findElement(By.cssSelector("[data-field=summary]")).getText())
                .isEqualTo("0 created, 2 already clients, 0 refused.");
        assertThat(result("250")).isEqualTo("already the client contoso");
        assertThat(result("252")).isEqualTo("already the client northwind-traders");
        assertThat(clientSlugs()).as("importing twice creates nothing").isEqualTo(before);
    }

    @Test
    void importingWithNothingPickedSaysSoAndCreatesNothing() {
        browser.open("/integrations/" + psa + "/import");
        List<String> before = clientSlugs();
        driver.findElement(By.cssSelector("form.psa-import button[type=submit]")).click();

        WebElement alert = browser.within(5).until(d -> d.findElement(By.cssSelector("form.psa-import "
                + "[role=alert]")));
        assertThat(alert.getText()).contains("Pick at least one company");
        assertThat(clientSlugs()).isEqualTo(before);
    }

    @Test
    void needsNoHorizontalScrollingOnAPhone() {
        driver.manage().window().setSize(BrowserSupport.PHONE);
        assertThat(browser.horizontalOverflow("/integrations/" + psa + "/import")).as("at 390 px")
                .isLessThanOrEqualTo(0);
        browser.screenshot("phone-psa-import");
    }
}
