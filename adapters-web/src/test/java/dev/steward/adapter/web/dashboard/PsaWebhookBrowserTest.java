package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A PSA without an API to register webhooks with (as HaloPSA), in headless Chromium: its page shows the webhook URL,
 * user and password to paste into the PSA; a delivery made with what the page showed is accepted, and the
 * Integrations list then shows when it arrived.
 */
class PsaWebhookBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Test
    void thePageShowsWhatToPasteAndTheListShowsTheDeliveryMadeWithIt() {
        TestServer server = browser.startServer();
        WebDriver driver = browser.driver();
        server.core.psaProvider.pastingWebhooks();
        String psa = parse(server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("apiBase", "https://cw.example/apis/3.0/", "companyId", "northwind"),
                "secrets", Map.of("privateKey", "cw-private-key-0123"))))).path("id").asText();

        browser.signInAt("/integrations/" + psa);
        String url = driver.findElement(By.cssSelector("[data-webhook-url]")).getText();
        String user = driver.findElement(By.cssSelector("[data-webhook-user]")).getText();
        String password = driver.findElement(By.cssSelector("[data-webhook-secret]")).getText();
        assertThat(driver.findElement(By.cssSelector("section[data-webhook]")).getAttribute("data-webhook"))
                .isEqualTo("paste");
        assertThat(url).isEqualTo("https://steward.test/hooks/psa/" + server.msp.id() + "/connectwise");
        assertThat(user).startsWith("steward-");
        assertThat(password).isNotBlank();

        // the PSA, configured with what was pasted, delivers (the web core checks deliveries with these credentials)
        server.core.psaWebhooks.register(server.msp.id(), "connectwise", password);
        Instant before = Instant.now();
        assertThat(server.raw("POST", url.substring("https://steward.test".length()),
                BodyPublishers.ofString("{\"ticketId\":\"51001\"}"), "Content-Type", "application/json",
                "X-Steward-Secret", password).statusCode()).isEqualTo(202);

        browser.open("/integrations");
        String delivered = driver.findElement(By.cssSelector("tr[data-integration='connectwise'] [data-last-delivery]"))
                .getAttribute("datetime");
        assertThat(Instant.parse(delivered)).isBetween(before.minusSeconds(1), Instant.now());
    }
}
