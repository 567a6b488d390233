package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.mcp.AuthorizationServerStub;
import dev.steward.adapter.mcp.InJvmMcpServer;
import dev.steward.application.signin.CreateUserCommand;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An MCP server that advertises OAuth, connected through the real server (embedded PostgreSQL) and the real MCP
 * provider against an in-JVM authorization server stub: started over the API, authorized in a "browser" that follows
 * the authorization URL and comes back to the dashboard's {@code /integrations/authorized} signed in, connected with
 * its tokens as secrets; the access token renewed shortly before it expires and the renewed tokens stored, so that
 * after a restart the control plane connects with them (the first refresh token was rotated away, so only the stored
 * renewal works).
 */
class McpOAuthIT {

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Signs a new administrator in to the dashboard; the session cookie. */
    private static String signIn(StewardServer server) throws Exception {
        String email = "oauth-" + System.nanoTime() + "@steward.test";
        String password = "dashboard password for " + email;
        server.useCases().createUser().create(new CreateUserCommand(server.defaultMsp().id(), email, password,
                "admin"));
        HttpResponse<String> signedIn = BROWSER.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(email) + "&password=" + encode(password)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> browse(String url, Optional<String> cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        cookie.ifPresent(c -> request.header("Cookie", c));
        return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return StubPsa.JSON.readTree(response.body());
    }

    private static String masked(JsonNode integration, String secret) {
        return integration.path("secrets").path(secret).toString();
    }

    @Test
    void authorizedInTheBrowserConnectedWithItsTokensRenewedBeforeExpiryAndConnectedAgainAfterARestart()
            throws Exception {
        Path dataDir = Files.createTempDirectory("steward-mcp-oauth");
        Map<String, String> env = Map.of("STEWARD_HTTP_PORT", "0", "STEWARD_DATA_DIR", dataDir.toString());
        try (AuthorizationServerStub as = new AuthorizationServerStub(Clock.systemUTC());
             InJvmMcpServer rmm = InJvmMcpServer.protectedBy(as, true, Optional.empty())) {
            // renewed once less than the renewal margin (60 s) is left: from the first second on
            as.expiresIn = 61;
            String id;
            String firstAccessToken;
            int renewedBeforeRestart;
            try (StewardServer first = StewardServer.start(StewardConfig.from(env))) {
                ApiCaller api = ApiCaller.of(first);
                HttpResponse<String> unauthorized = api.send("POST", "/api/v1/integrations",
                        "{\"kind\":\"mcp:rmm\",\"settings\":{\"url\":\"" + rmm.url() + "\"}}");
                assertThat(unauthorized.statusCode()).isEqualTo(422);
                assertThat(json(unauthorized).path("errors").get(0).path("field").asText()).isEqualTo("settings.auth");

                HttpResponse<String> started = api.send("POST", "/api/v1/integrations/authorizations",
                        "{\"kind\":\"mcp:rmm\",\"settings\":{\"url\":\"" + rmm.url() + "\",\"auth\":\"oauth\"}}");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                HttpResponse<String> atTheAuthorizationServer = browse(json(started).path("authorizationUrl").asText(),
                        Optional.empty());
                assertThat(atTheAuthorizationServer.statusCode()).as(atTheAuthorizationServer.body()).isEqualTo(302);
                String back = atTheAuthorizationServer.headers().firstValue("Location").orElseThrow();
                assertThat(back).startsWith("http://127.0.0.1:" + first.port() + "/integrations/authorized?");

                HttpResponse<String> connected = browse(back, Optional.of(signIn(first)));
                assertThat(connected.statusCode()).as(connected.body()).isEqualTo(303);
                String location = connected.headers().firstValue("Location").orElseThrow();
                id = location.substring(location.lastIndexOf('/') + 1);
                JsonNode integration = json(api.send("GET", "/api/v1/integrations/" + id, null));
                assertThat(integration.path("kind").asText()).isEqualTo("mcp:rmm");
                assertThat(integration.path("tools").findValuesAsText("name")).contains("mcp:rmm:echo");
                assertThat(integration.toString()).doesNotContain(rmm.authorizations.getLast().substring(7));
                firstAccessToken = masked(integration, "oauthAccessToken");
                assertThat(firstAccessToken).contains("set");
                assertThat(browse(back, Optional.of(signIn(first))).statusCode()).as("the code is used once")
                        .isEqualTo(422);

                int renewals = as.refreshes.get();
                Thread.sleep(1_500);
                HttpResponse<String> refreshed = api.send("POST", "/api/v1/integrations/" + id + "/refresh", null);
                assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
                assertThat(as.refreshes).hasValueGreaterThan(renewals);
                await().atMost(Duration.ofSeconds(10)).until(() -> !masked(json(api.send("GET",
                        "/api/v1/integrations/" + id, null)), "oauthAccessToken").equals(firstAccessToken));
                renewedBeforeRestart = as.refreshes.get();
            }

            // past the stored access token's renewal point (expires in 61 s, renewed 60 s early), however fast the
            // restart: the first call after it must renew with the refresh token stored last
            Thread.sleep(1_500);
            try (StewardServer second = StewardServer.start(StewardConfig.from(env))) {
                ApiCaller api = ApiCaller.of(second);
                HttpResponse<String> listed = api.send("POST", "/api/v1/integrations/" + id + "/refresh", null);
                assertThat(listed.statusCode()).as("live again after the restart: " + listed.body()).isEqualTo(200);
                assertThat(json(listed).path("tools").findValuesAsText("name")).contains("mcp:rmm:echo");
                assertThat(as.refreshes).as("renewed with the refresh token stored after the last renewal")
                        .hasValueGreaterThan(renewedBeforeRestart);

                // the grant revoked at the authorization server: the server is authorized again, in place
                as.revokeAccessTokens();
                as.revokeRefreshTokens();
                HttpResponse<String> refused = api.send("POST", "/api/v1/integrations/" + id + "/refresh", null);
                assertThat(refused.statusCode()).isNotEqualTo(200);
                assertThat(refused.body()).contains("authorize the server again");
                HttpResponse<String> again = api.send("POST", "/api/v1/integrations/" + id + "/authorizations", null);
                assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
                HttpResponse<String> approved = browse(json(again).path("authorizationUrl").asText(), Optional.empty());
                assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
                HttpResponse<String> renewedInPlace = browse(approved.headers().firstValue("Location").orElseThrow(),
                        Optional.of(signIn(second)));
                assertThat(renewedInPlace.statusCode()).as(renewedInPlace.body()).isEqualTo(303);
                assertThat(renewedInPlace.headers().firstValue("Location")).contains("/integrations/" + id);
                HttpResponse<String> listedAgain = api.send("POST", "/api/v1/integrations/" + id + "/refresh", null);
                assertThat(listedAgain.statusCode()).as(listedAgain.body()).isEqualTo(200);
            }
        }
    }
}
