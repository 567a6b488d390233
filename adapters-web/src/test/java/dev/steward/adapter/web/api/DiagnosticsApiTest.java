package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DiagnosticsApiTest extends ServerPerTest {

    private Client stored(String slug) {
        return server.core.clients.find(server.msp.id(), Slug.of(slug)).orElseThrow();
    }

    @Test
    void reportsAnAgentThatDoesNotRunYetAsAbsent() {
        server.createClient("Acme", "acme");

        HttpResponse<String> response = server.get("/api/v1/clients/acme/diagnostics");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = parse(response).path("health");
        assertThat(health.path("state").asText()).isEqualTo("absent");
        assertThat(health.path("running").asBoolean()).isFalse();
        assertThat(parse(response).path("logs").isEmpty()).isTrue();
        assertThat(parse(response).path("usage").isNull()).isTrue();
    }

    @Test
    void showsARunningAgentsHealthAndNewestLogLines() {
        server.createClient("Acme", "acme");
        Client client = stored("acme");
        server.core.runtime.ensure(new AgentSpec(client.id(), client.msp(), client.slug(), 1));
        server.core.runtime.ensure(new AgentSpec(client.id(), client.msp(), client.slug(), 2));

        JsonNode all = parse(server.get("/api/v1/clients/acme/diagnostics"));
        JsonNode newest = parse(server.get("/api/v1/clients/acme/diagnostics?tail=1"));

        assertThat(all.path("health").path("running").asBoolean()).isTrue();
        assertThat(all.path("health").path("image").asText()).isEqualTo("in-process");
        assertThat(all.path("logs").size()).isGreaterThanOrEqualTo(2);
        assertThat(newest.path("logs").size()).isEqualTo(1);
        assertThat(newest.path("logs").get(0).path("text").asText()).contains("configuration v2");
    }

    @Test
    void refusesAnOutOfRangeTailNamingTheParameter() {
        server.createClient("Acme", "acme");

        for (String tail : new String[] {"0", "100000", "many"}) {
            HttpResponse<String> response = server.get("/api/v1/clients/acme/diagnostics?tail=" + tail);
            assertThat(response.statusCode()).as(tail).isEqualTo(422);
            assertThat(parse(response).path("errors").get(0).path("field").asText()).isEqualTo("tail");
        }
    }

    @Test
    void answers404ForAnUnknownClient() {
        assertThat(server.get("/api/v1/clients/ghost/diagnostics").statusCode()).isEqualTo(404);
    }

    @Test
    void showsTheDiagnosticsTabWithEscapedLogs() {
        server.createClient("<b>Acme</b>", "acme");
        Client client = stored("acme");
        server.core.runtime.ensure(new AgentSpec(client.id(), client.msp(), client.slug(), 1));

        HttpResponse<String> page = server.page("/clients/acme/diagnostics");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("aria-current=\"page\">Diagnostics</a>")
                .contains("<dt>Image</dt><dd><code>in-process</code></dd>")
                .contains("data-follow=\"/api/v1/clients/acme/diagnostics?tail=200\"")
                .contains("started with configuration v1")
                .contains("&lt;b&gt;Acme&lt;/b&gt;").doesNotContain("<b>Acme</b>");
    }
}
