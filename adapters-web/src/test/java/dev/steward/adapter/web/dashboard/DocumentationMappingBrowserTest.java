package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.TestServer;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A client mapped to its documentation organization in headless Chromium, from the client's Integrations tab: the
 * platform's list paged, searched, one organization chosen, and the mapping saved (shown on the tab and served by
 * the API).
 */
class DocumentationMappingBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();
    private WebDriver driver;
    private TestServer server;

    @BeforeEach
    void startServerAndSignIn() {
        server = browser.startServer();
        driver = browser.driver();
        assertThat(server.post("/api/v1/integrations", json(Map.of("kind", "itglue", "settings", Map.of(),
                "secrets", Map.of()))).statusCode()).isEqualTo(201);
        server.createClient("Contoso", "contoso");
        browser.signInAt("/clients/contoso/integrations");
    }

    private JsonNode savedMapping() {
        return StreamSupport.stream(parse(server.get("/api/v1/clients/contoso/mappings")).path("items")
                .spliterator(), false).filter(c -> c.path("kind").asText().equals("itglue")).findFirst()
                .orElseThrow().path("mapping");
    }

    @Test
    void theClientIsMappedToTheOrganizationFoundBySearchAmongMoreThanAPageAndTheMappingIsSaved() {
        assertThat(driver.findElement(By.cssSelector("tr[data-mapping=itglue]")).getText())
                .contains("IT Glue", "not mapped");
        driver.findElement(By.cssSelector("tr[data-mapping=itglue] a")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/contoso/mappings/itglue"));
        assertThat(driver.findElements(By.cssSelector("tr[data-entry]"))).as("one page of the organizations")
                .hasSize(25);
        driver.findElement(By.cssSelector("a[rel=next]")).click();
        browser.within(5).until(d -> d.findElements(By.cssSelector("tr[data-entry='7001']")).size() == 1);

        driver.findElement(By.id("search")).sendKeys("contoso");
        driver.findElement(By.cssSelector("form.directory-search button")).click();
        browser.within(5).until(d -> d.findElements(By.cssSelector("tr[data-entry]")).size() == 2);
        assertThat(driver.findElement(By.cssSelector("tr[data-entry='7002']")).getText())
                .contains("Contoso Labs", "Vendor");
        assertThat(driver.findElements(By.cssSelector("a[rel=next]"))).isEmpty();
        browser.screenshot("documentation-picker");

        driver.findElement(By.cssSelector("tr[data-entry='7001'] button")).click();

        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/contoso/integrations"));
        assertThat(driver.findElement(By.cssSelector("tr[data-mapping=itglue]")).getText())
                .contains("Contoso Ltd", "7001", "Change…");
        assertThat(savedMapping().path("externalId").asText()).isEqualTo("7001");
        assertThat(savedMapping().path("label").asText()).isEqualTo("Contoso Ltd");

        driver.navigate().refresh();
        assertThat(driver.findElement(By.cssSelector("tr[data-mapping=itglue]")).getText()).contains("Contoso Ltd");
        driver.findElement(By.cssSelector("tr[data-mapping=itglue] a")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/contoso/mappings/itglue"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("This client is Contoso Ltd (7001)");
        browser.screenshot("documentation-mapped");
    }
}
