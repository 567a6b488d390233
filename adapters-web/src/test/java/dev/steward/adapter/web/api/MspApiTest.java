package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.adapter.web.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MspApiTest extends ServerPerTest {

    @Test
    void showsTheCallersMspSettings() {
        HttpResponse<String> response = server.get("/api/v1/msp");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode msp = parse(response);
        assertThat(msp.path("id").asText()).isEqualTo(server.msp.id().toString());
        assertThat(msp.path("name").asText()).isEqualTo("Test MSP");
        assertThat(msp.path("defaultMode").asText()).isEqualTo("plan");
        assertThat(msp.path("prompt").asText()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + msp.path("version").asLong() + "\"");
    }

    @Test
    void changingTheDefaultModeChangesEveryInheritingClientsEffectiveMode() {
        server.createClient("Inheritor", "inheritor");

        HttpResponse<String> response = server.put("/api/v1/msp", json(Map.of("defaultMode", "execute")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(parse(response).path("defaultMode").asText()).isEqualTo("execute");
        assertThat(parse(server.get("/api/v1/clients/inheritor")).path("effectiveMode").asText()).isEqualTo("execute");
    }

    @Test
    void refusesInheritAsTheDefaultModeNamingTheField() {
        HttpResponse<String> response = server.put("/api/v1/msp", json(Map.of("defaultMode", "inherit")));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = parse(response).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("defaultMode");
        assertThat(error.path("code").asText()).isEqualTo("defaultMode.inherit-not-allowed");
    }

    @Test
    void composesTheMspAndClientPromptsInThePreview() {
        server.createClient("Prompted", "prompted");

        HttpResponse<String> msp = server.put("/api/v1/msp/prompt", json(Map.of("prompt", "Always be polite.")));
        HttpResponse<String> client = server.put("/api/v1/clients/prompted/prompt",
                json(Map.of("prompt", "Acme uses Okta.")));

        assertThat(msp.statusCode()).as(msp.body()).isEqualTo(200);
        assertThat(parse(msp).path("prompt").asText()).isEqualTo("Always be polite.");
        assertThat(client.statusCode()).as(client.body()).isEqualTo(200);
        assertThat(parse(server.get("/api/v1/clients/prompted/prompt")).path("prompt").asText())
                .isEqualTo("Acme uses Okta.");
        String preview = parse(server.get("/api/v1/clients/prompted/prompt/preview")).path("text").asText();
        assertThat(preview).contains("Always be polite.").contains("Acme uses Okta.");
        assertThat(preview.indexOf("Always be polite.")).isLessThan(preview.indexOf("Acme uses Okta."));
    }

    @Test
    void refusesAPromptWithANulCharacterNamingTheField() {
        server.createClient("Prompted", "prompted");

        HttpResponse<String> response = server.put("/api/v1/clients/prompted/prompt",
                json(Map.of("prompt", "bad\u0000text")));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(parse(response).path("errors").get(0).path("field").asText()).isEqualTo("prompt");
    }

    @Test
    void answers404ForThePromptOfAnUnknownClient() {
        assertThat(server.get("/api/v1/clients/ghost/prompt").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/clients/ghost/prompt/preview").statusCode()).isEqualTo(404);
    }
}
