package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.InMemoryAuthorizationServer;
import dev.steward.adapter.web.ServerPerTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An MCP server authorized in the browser: started over the API (or the dashboard's connect form), finished where
 * the authorization server sends the person back ({@code GET /integrations/authorized}).
 */
class IntegrationAuthorizationApiTest extends ServerPerTest {

    private static Map<String, String> query(String url) {
        Map<String, String> out = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private JsonNode start(String path) {
        HttpResponse<String> started = server.post(path, json(Map.of("kind", "mcp:rmm",
                "settings", Map.of("url", "https://rmm.example/mcp", "auth", "oauth"))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return parse(started);
    }

    @Test
    void startedOverTheApiFinishedWhereThePersonComesBackAndTheTokenIsKeptAsASecret() {
        JsonNode started = start("/api/v1/integrations/authorizations");
        Map<String, String> request = query(started.path("authorizationUrl").asText());

        assertThat(started.path("authorizationUrl").asText()).startsWith("https://as.example/authorize?");
        assertThat(request.get("redirect_uri")).isEqualTo(server.uri("/integrations/authorized").toString());
        assertThat(started.path("expiresAt").asText()).isNotEmpty();
        assertThat(parse(server.get("/api/v1/integrations")).path("items")).as("nothing connected yet").isEmpty();

        String state = request.get("state");
        HttpResponse<String> back = server.page("/integrations/authorized?state=" + state + "&code="
                + InMemoryAuthorizationServer.codeFor(state));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        String location = back.headers().firstValue("Location").orElseThrow();
        JsonNode integration = parse(server.get("/api/v1" + location));
        assertThat(integration.path("kind").asText()).isEqualTo("mcp:rmm");
        assertThat(integration.toString()).doesNotContain("at-code-for-" + state);
        assertThat(integration.path("secrets").path("oauthAccessToken").toString()).contains("set");

        HttpResponse<String> again = server.page("/integrations/authorized?state=" + state + "&code="
                + InMemoryAuthorizationServer.codeFor(state));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("start again");
    }

    @Test
    void aConnectedServerIsAuthorizedAgainInPlaceFromTheApiOrItsPage() {
        String state = query(start("/api/v1/integrations/authorizations").path("authorizationUrl").asText())
                .get("state");
        String location = server.page("/integrations/authorized?state=" + state + "&code="
                + InMemoryAuthorizationServer.codeFor(state)).headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(server.page(location).body()).contains("action=\"/integrations/" + id + "/authorize\"");

        HttpResponse<String> again = server.post("/api/v1/integrations/" + id + "/authorizations", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        String second = query(parse(again).path("authorizationUrl").asText()).get("state");
        HttpResponse<String> back = server.page("/integrations/authorized?state=" + second + "&code="
                + InMemoryAuthorizationServer.codeFor(second));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).contains("/integrations/" + id);
        assertThat(parse(server.get("/api/v1/integrations")).path("items")).hasSize(1);
        assertThat(server.core.vault.reveal(server.msp.id(), new dev.steward.domain.integration.IntegrationId(
                java.util.UUID.fromString(id))).orElseThrow().secrets())
                .containsEntry("oauthAccessToken", "at-" + InMemoryAuthorizationServer.codeFor(second));

        HttpResponse<String> page = server.form("/integrations/" + id + "/authorize", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"authorize-link\"");
        assertThat(server.post("/api/v1/integrations/" + java.util.UUID.randomUUID() + "/authorizations", "")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aClientsServerIsAuthorizedForThatClient() {
        server.createClient("Acme", "acme");
        JsonNode started = start("/api/v1/clients/acme/integrations/authorizations");
        String state = query(started.path("authorizationUrl").asText()).get("state");

        server.page("/integrations/authorized?state=" + state + "&code=" + InMemoryAuthorizationServer.codeFor(state));

        assertThat(parse(server.get("/api/v1/clients/acme/integrations")).path("items").toString())
                .contains("mcp:rmm");
    }

    @Test
    void aRefusalAtTheAuthorizationServerIsShownAndNothingIsConnected() {
        String state = query(start("/api/v1/integrations/authorizations").path("authorizationUrl").asText())
                .get("state");

        HttpResponse<String> back = server.page("/integrations/authorized?state=" + state
                + "&error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E");

        assertThat(back.statusCode()).isEqualTo(422);
        assertThat(back.body()).contains("access_denied").contains("&lt;b&gt;no&lt;/b&gt;").doesNotContain("<b>no</b>");
        assertThat(parse(server.get("/api/v1/integrations")).path("items")).isEmpty();
    }

    @Test
    void aKindThatIsNotAuthorizedInTheBrowserIsRefusedNamingTheKind() {
        HttpResponse<String> refused = server.post("/api/v1/integrations/authorizations", json(Map.of(
                "kind", "connectwise", "settings", Map.of(), "secrets", Map.of())));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(parse(refused).toString()).contains("\"kind\"");
    }

    @Test
    void theTokensTheAuthorizationWritesAreNeverAskedForOnTheConnectFormAndTheKindSaysSo() {
        assertThat(server.page("/integrations").body()).contains("id=\"connect-mcp-auth\"")
                .doesNotContain("connect-mcp-oauthAccessToken");
        JsonNode kind = null;
        for (JsonNode k : parse(server.get("/api/v1/integration-kinds"))) {
            if (k.path("name").asText().equals("mcp")) {
                kind = k;
            }
        }
        assertThat(kind).isNotNull();
        assertThat(kind.path("settings").findValuesAsText("key")).contains("auth", "oauthAccessToken");
        for (JsonNode setting : kind.path("settings")) {
            assertThat(setting.path("written").asBoolean()).as(setting.toString())
                    .isEqualTo(setting.path("key").asText().equals("oauthAccessToken"));
        }
    }

    @Test
    void theConnectFormWithOAuthLeadsToTheAuthorizationServerByALink() {
        HttpResponse<String> page = server.form("/integrations", Map.of("kind", "mcp", "server", "rmm",
                "settings.url", "https://rmm.example/mcp", "settings.auth", "oauth"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Authorize mcp:rmm").contains("id=\"authorize-link\"")
                .contains("href=\"https://as.example/authorize?client_id=steward&amp;state=");
    }
}
