package dev.steward.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.AuthorizationFlow;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth 2.1 with PKCE against an MCP server that advertises it (built with the same SDK) and an in-JVM authorization
 * server that holds Steward to the specifications: discovery, registration, the code flow, renewal, refusals.
 */
class McpAuthorizationTest {

    private static final String REDIRECT = "http://127.0.0.1:8080/integrations/authorized";

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T09:00:00Z");
    private final ProviderContext context = new ProviderContext(clock, Duration.ofSeconds(5), Duration.ofSeconds(5),
            1, Duration.ofSeconds(1), false);
    private final MspId msp = Fixtures.uniqueMspId();
    private final AuthorizationServerStub as = new AuthorizationServerStub(clock);
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final McpProvider provider = new McpProvider(false);
    private final AuthorizationFlow flow = provider.authorizationFlow().orElseThrow();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        as.close();
    }

    private InJvmMcpServer server(boolean namesMetadata) {
        InJvmMcpServer server = InJvmMcpServer.protectedBy(as, namesMetadata, Optional.empty());
        open.add(server);
        return server;
    }

    private static IntegrationSettings oauth(InJvmMcpServer server) {
        return new IntegrationSettings(Map.of("url", server.url(), "auth", "oauth"), Map.of());
    }

    /** The person's browser: follows the authorization URL to the redirect and returns its query. */
    private Map<String, String> approve(String authorizationUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        return AuthorizationServerStub.form(URI.create(location).getRawQuery());
    }

    private IntegrationSettings authorized(IntegrationSettings values) throws Exception {
        String state = UUID.randomUUID().toString();
        AuthorizationFlow.Started started = flow.begin(values, REDIRECT, state, context);
        Map<String, String> back = approve(started.authorizationUrl());
        assertThat(back).containsEntry("state", state);
        return flow.complete(started.pending(), back.get("code"), REDIRECT, context);
    }

    private IntegrationConnection connect(IntegrationSettings values) {
        IntegrationConnection connection = provider.connect(Integration.connect(new IntegrationId(UUID.randomUUID()),
                msp, Optional.empty(), "mcp:rmm", List.of(), Map.of(), Fixtures.T0), values, context);
        open.add(connection);
        return connection;
    }

    private String echo(IntegrationConnection connection, String message) {
        return connection.execute(new ToolCall(msp, new ClientId(UUID.randomUUID()), Optional.empty(),
                UUID.randomUUID(), "", ToolName.of("mcp:rmm:echo"), Map.of("message", message))).summary();
    }

    @Test
    void discoversRegistersAuthorizesWithPkceAndConnectsWithTheTokenItGot() throws Exception {
        InJvmMcpServer server = server(true);

        IntegrationSettings values = authorized(oauth(server));

        Map<String, String> request = as.authorizationRequests.getLast();
        assertThat(request).containsEntry("code_challenge_method", "S256").containsEntry("resource", server.url())
                .containsEntry("scope", "tools").containsEntry("redirect_uri", REDIRECT);
        assertThat(request.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(as.registrations).hasValue(1);
        assertThat(values.secrets()).containsKeys("oauthAccessToken", "oauthRefreshToken", "oauthClientSecret")
                .doesNotContainKey("oauthCodeVerifier");
        assertThat(values.settings()).containsEntry("oauthClientId", request.get("client_id"))
                .containsKey("oauthGrant");
        assertThat(values.toString()).doesNotContain(values.secrets().get("oauthAccessToken"));

        IntegrationConnection connection = connect(values);

        assertThat(connection.tools()).extracting(t -> t.name().value()).contains("mcp:rmm:echo");
        assertThat(echo(connection, "hi")).isEqualTo("Echo: hi x1");
        assertThat(server.authorizations.getLast()).isEqualTo("Bearer " + values.secrets().get("oauthAccessToken"));
    }

    @Test
    void authorizedAgainWithTheValuesItIsConnectedWithARegisteredClientIsRegisteredAnewAndTheOldTokensGo()
            throws Exception {
        InJvmMcpServer server = server(true);
        IntegrationSettings first = authorized(oauth(server));
        as.revokeAccessTokens();
        as.revokeRefreshTokens();

        IntegrationSettings again = authorized(first);

        assertThat(as.registrations).hasValue(2);
        assertThat(again.settings().get("oauthClientId")).isNotEqualTo(first.settings().get("oauthClientId"));
        assertThat(again.secrets().get("oauthRefreshToken")).isNotEqualTo(first.secrets().get("oauthRefreshToken"));
        assertThat(echo(connect(again), "renewed")).isEqualTo("Echo: renewed x1");
    }

    @Test
    void findsTheMetadataAtTheWellKnownUriWhenTheChallengeDoesNotNameIt() throws Exception {
        InJvmMcpServer server = server(false);

        assertThat(echo(connect(authorized(oauth(server))), "found")).isEqualTo("Echo: found x1");
    }

    @Test
    void renewsTheAccessTokenBeforeItExpiresAndReportsTheNewTokens() throws Exception {
        as.expiresIn = 300;
        InJvmMcpServer server = server(true);
        IntegrationSettings values = authorized(oauth(server));
        IntegrationConnection connection = connect(values);
        List<IntegrationSettings> renewed = new CopyOnWriteArrayList<>();
        connection.onSecretsRenewed(renewed::add);

        clock.advance(Duration.ofSeconds(250));
        echo(connection, "still");

        assertThat(as.refreshes).hasValue(1);
        assertThat(renewed).singleElement().satisfies(v -> {
            assertThat(v.secrets().get("oauthAccessToken")).isNotEqualTo(values.secrets().get("oauthAccessToken"));
            assertThat(v.secrets().get("oauthRefreshToken")).isNotEqualTo(values.secrets().get("oauthRefreshToken"));
            assertThat(server.authorizations.getLast()).isEqualTo("Bearer " + v.secrets().get("oauthAccessToken"));
        });

        clock.advance(Duration.ofSeconds(60));
        assertThat(echo(connection, "after the first expiry")).contains("after the first expiry");
        assertThat(as.refreshes).hasValue(1);
    }

    @Test
    void aRenewalWhileTheConnectionOpensIsReportedToTheListenerAddedAfterwards() throws Exception {
        as.expiresIn = 30;
        InJvmMcpServer server = server(true);
        IntegrationSettings values = authorized(oauth(server));

        IntegrationConnection connection = connect(values);
        List<IntegrationSettings> renewed = new CopyOnWriteArrayList<>();
        connection.onSecretsRenewed(renewed::add);

        assertThat(as.refreshes).as("renewed while opening: it expires within the margin").hasPositiveValue();
        assertThat(renewed).as("the latest renewal, reported at once").hasSize(1);
        assertThat(renewed.getLast().secrets().get("oauthRefreshToken"))
                .isNotEqualTo(values.secrets().get("oauthRefreshToken"));
    }

    @Test
    void aTokenTheServerRefusesIsRenewedOnceAndTheCallGoesThrough() throws Exception {
        InJvmMcpServer server = server(true);
        IntegrationConnection connection = connect(authorized(oauth(server)));
        List<IntegrationSettings> renewed = new CopyOnWriteArrayList<>();
        connection.onSecretsRenewed(renewed::add);

        as.revokeAccessTokens();

        assertThat(echo(connection, "again")).isEqualTo("Echo: again x1");
        assertThat(as.refreshes).hasValue(1);
        assertThat(renewed).hasSize(1);
    }

    @Test
    void aRefusedRenewalFailsTheCallAndSaysToAuthorizeAgain() throws Exception {
        InJvmMcpServer server = server(true);
        IntegrationConnection connection = connect(authorized(oauth(server)));

        as.revokeAccessTokens();
        as.revokeRefreshTokens();

        assertThatThrownBy(() -> echo(connection, "no")).isInstanceOf(PortFailure.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("authorize the server again");
        assertThat(connection.unreachableSince()).isEmpty();
    }

    @Test
    void anAuthorizationServerWithoutPkceS256IsRefused() {
        as.challengeMethods = List.of("plain");
        InJvmMcpServer server = server(true);

        assertThatThrownBy(() -> flow.begin(oauth(server), REDIRECT, "s", context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("settings.url");
                    assertThat(e.rule()).contains("S256");
                });
        assertThat(as.registrations).hasValue(0);
    }

    @Test
    void withoutRegistrationTheClientIdIsAskedForAndAPreRegisteredClientAuthenticatesWithItsSecret() throws Exception {
        as.registration = false;
        InJvmMcpServer server = server(true);

        assertThatThrownBy(() -> flow.begin(oauth(server), REDIRECT, "s", context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("settings.oauthClientId");
                    assertThat(e.rule()).contains(REDIRECT);
                });

        AuthorizationServerStub.Client client = as.preRegistered(REDIRECT);
        Map<String, String> settings = new HashMap<>(oauth(server).settings());
        settings.put("oauthClientId", client.id());
        IntegrationSettings values = authorized(new IntegrationSettings(settings,
                Map.of("oauthClientSecret", client.secret().orElseThrow())));

        assertThat(echo(connect(values), "pre")).isEqualTo("Echo: pre x1");
    }

    @Test
    void metadataForAnotherResourceIsNotUsed() {
        InJvmMcpServer server = InJvmMcpServer.protectedBy(as, true, Optional.of("https://elsewhere.example/mcp"));
        open.add(server);

        assertThatThrownBy(() -> flow.begin(oauth(server), REDIRECT, "s", context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.rule()).contains("elsewhere.example"));
    }

    @Test
    void aCodeIsTradedOnlyOnce() throws Exception {
        InJvmMcpServer server = server(true);
        AuthorizationFlow.Started started = flow.begin(oauth(server), REDIRECT, "s", context);
        String code = approve(started.authorizationUrl()).get("code");
        flow.complete(started.pending(), code, REDIRECT, context);

        assertThatThrownBy(() -> flow.complete(started.pending(), code, REDIRECT, context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.rule()).contains("invalid_grant");
                });
    }

    @Test
    void aServerThatAsksForNoAuthorizationIsNotAuthorized() {
        try (InJvmMcpServer open = new InJvmMcpServer(Optional.empty(), false)) {
            assertThatThrownBy(() -> flow.begin(oauth(open), REDIRECT, "s", context))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("settings.auth"));
        }
    }

    @Test
    void aRedirectUriThatIsNotHttpsIsRefused() {
        InJvmMcpServer server = server(true);

        assertThatThrownBy(() -> flow.begin(oauth(server), "http://steward.internal/integrations/authorized", "s",
                context)).isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field())
                .isEqualTo("redirectUri"));
    }

    @Test
    void connectingWithoutAuthorizingNamesTheWayAndAServerAskingForOAuthSaysSo() {
        InJvmMcpServer server = server(true);

        assertThatThrownBy(() -> connect(oauth(server))).isInstanceOfSatisfying(InvalidValue.class, e -> {
            assertThat(e.field()).isEqualTo("settings.auth");
            assertThat(e.rule()).contains("/api/v1/integrations/authorizations");
        });
        assertThatThrownBy(() -> connect(new IntegrationSettings(Map.of("url", server.url()), Map.of())))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("settings.auth");
                    assertThat(e.code()).endsWith("oauth-required");
                });
    }
}
