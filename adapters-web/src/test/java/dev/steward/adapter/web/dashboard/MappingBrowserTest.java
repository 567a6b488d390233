package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The directory picker in headless Chromium: from the Integrations tab, search, map with one button, remove. */
class MappingBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();
    private WebDriver driver;
    private TestServer server;

    @BeforeEach
    void startServerAndSignIn() {
        server = browser.startServer();
        driver = browser.driver();
        server.post("/api/v1/integrations", json(Map.of("kind", "tenants", "settings", Map.of(), "secrets", Map.of())));
        server.createClient("Acme", "acme");
        browser.signInAt("/clients/acme/integrations");
    }

    @Test
    void mapsTheClientToAnEntryFoundBySearchAndRemovesIt() {
        driver.findElement(By.cssSelector("tr[data-mapping=tenants] a")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/acme/mappings/tenants"));
        driver.findElement(By.id("search")).sendKeys("tail");
        driver.findElement(By.cssSelector("form.directory-search button")).click();
        browser.within(5).until(d -> d.findElements(By.cssSelector("tr[data-entry]")).size() == 1);
        browser.screenshot("directory-picker");

        driver.findElement(By.cssSelector("tr[data-entry='t-300'] button")).click();

        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/acme/integrations"));
        assertThat(driver.findElement(By.cssSelector("tr[data-mapping=tenants]")).getText())
                .contains("Tailspin Toys", "t-300", "Change…");
        browser.screenshot("directory-mapped");

        driver.findElement(By.cssSelector("tr[data-mapping=tenants] a")).click();
        browser.within(5).until(d -> d.findElement(By.cssSelector("tr[data-entry='t-300']")).getText()
                .contains("mapped"));
        driver.findElement(By.cssSelector("form[action$='/remove'] button")).click();
        browser.within(5).until(d -> d.getCurrentUrl().endsWith("/clients/acme/integrations"));
        assertThat(driver.findElement(By.cssSelector("tr[data-mapping=tenants]")).getText()).contains("not mapped");
    }
}
