package dev.steward.application.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.inmemory.InMemoryPendingAuthorizations;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.AuthorizationFlow;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.InvalidValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An integration authorized in the browser: begun (the authorization kept under its state), completed once with the
 * code the authorization server sent back (the integration connected with its tokens as secrets), and kept current
 * when its connection renews its tokens.
 */
class AuthorizeIntegrationServiceTest {

    private static final String REDIRECT = "https://steward.example/integrations/authorized";

    /** A stand-in for a kind that authorizes in the browser: codes are "code-for-<state>". */
    static final class BrowserAuthorized implements IntegrationProvider, AuthorizationFlow {
        final List<String> began = new CopyOnWriteArrayList<>();
        final List<Consumer<IntegrationSettings>> renewals = new CopyOnWriteArrayList<>();
        final List<IntegrationSettings> connectedWith = new CopyOnWriteArrayList<>();
        int issued;

        @Override
        public IntegrationKind kind() {
            return new IntegrationKind("mcp", "Custom MCP server", Set.of(IntegrationScope.MSP,
                    IntegrationScope.CLIENT), List.of(SettingSpec.optional("url", "URL"),
                    SettingSpec.optional("auth", "auth"), SettingSpec.optionalSecret("oauthAccessToken", "token")),
                    List.of(), Map.of());
        }

        @Override
        public Optional<AuthorizationFlow> authorizationFlow() {
            return Optional.of(this);
        }

        @Override
        public Started begin(IntegrationSettings values, String redirectUri, String state, ProviderContext context) {
            began.add(state);
            Map<String, String> secrets = new HashMap<>(values.secrets());
            secrets.put("oauthCodeVerifier", "verifier-of-" + state);
            return new Started("https://as.example/authorize?state=" + state + "&redirect_uri=" + redirectUri,
                    new IntegrationSettings(values.settings(), secrets));
        }

        @Override
        public IntegrationSettings complete(IntegrationSettings pending, String code, String redirectUri,
                                            ProviderContext context) {
            String verifier = pending.secrets().get("oauthCodeVerifier");
            if (!code.equals("code-for-" + verifier.substring("verifier-of-".length()))) {
                throw InvalidValue.of("code", "refused", "the authorization server refused the code");
            }
            return new IntegrationSettings(pending.settings(), Map.of("oauthAccessToken",
                    "at-" + (++issued)));
        }

        @Override
        public IntegrationConnection connect(Integration integration, IntegrationSettings values,
                                             ProviderContext context) {
            if (!values.secrets().getOrDefault("oauthAccessToken", "").startsWith("at-")) {
                throw InvalidValue.of("settings.auth", "not-authorized", "authorize first");
            }
            connectedWith.add(values);
            return new IntegrationConnection() {
                @Override
                public List<Tool> tools() {
                    return List.of(Tool.readOnly(integration.kind() + ":list-devices", "devices"));
                }

                @Override
                public ToolResult execute(ToolCall call) {
                    return ToolResult.of("ran");
                }

                @Override
                public void onSecretsRenewed(Consumer<IntegrationSettings> listener) {
                    renewals.add(listener);
                }
            };
        }
    }

    private final InMemoryCore core = new InMemoryCore();
    private final BrowserAuthorized servers = new BrowserAuthorized();
    private final IntegrationKinds kinds = IntegrationKinds.of(core.psaProvider, servers);
    private final LiveIntegrations live = new LiveIntegrations(kinds, ProviderContext.defaults(core.clock));
    private final ConnectIntegrationService connect = new ConnectIntegrationService(core.validator, kinds, live,
            core.integrations, core.vault, core.clients, core.msps, core.ids, core.clock, core.unitOfWork);
    private final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations();
    private final RefreshIntegrationToolsService refresh = new RefreshIntegrationToolsService(kinds, live,
            core.integrations, core.clients, core.vault, core.clock, core.unitOfWork);
    private final AuthorizeIntegrationService authorize = new AuthorizeIntegrationService(core.validator, kinds,
            core.integrations, core.clients, core.msps, pending, connect, refresh, live, core.vault,
            ProviderContext.defaults(core.clock), core.clock, core.unitOfWork);
    private final Msp msp = core.anMsp();

    @AfterEach
    void close() {
        core.close();
    }

    private AuthorizationStarted begin(Msp who, Optional<String> client, String kind) {
        return authorize.begin(new BeginAuthorizationCommand(who.id(), client, kind,
                Map.of("url", "https://rmm.example/mcp", "auth", "oauth"), Map.of(), REDIRECT));
    }

    private IntegrationDetails complete(Msp who, String state) {
        return authorize.complete(new CompleteAuthorizationCommand(who.id(), state,
                Optional.of("code-for-" + state), Optional.empty(), Optional.empty()));
    }

    private String lastState() {
        return servers.began.getLast();
    }

    @Test
    void aCompletedAuthorizationConnectsTheIntegrationWithItsTokensAsSecretsAndWithoutTheVerifier() {
        AuthorizationStarted started = begin(msp, Optional.empty(), "mcp:rmm");

        assertThat(started.authorizationUrl()).startsWith("https://as.example/authorize?state=" + lastState());
        assertThat(started.expiresAt()).isEqualTo(core.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(lastState()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(core.integrations.list(msp.id(), Optional.empty())).isEmpty();

        IntegrationDetails connected = complete(msp, lastState());

        assertThat(connected.integration().kind()).isEqualTo("mcp:rmm");
        assertThat(live.connection(connected.integration().id())).isPresent();
        IntegrationSettings stored = core.vault.reveal(msp.id(), connected.integration().id()).orElseThrow();
        assertThat(stored.secrets()).containsExactly(Map.entry("oauthAccessToken", "at-1"));
        assertThat(stored.settings()).containsEntry("auth", "oauth");
    }

    @Test
    void aClientsServerIsConnectedForThatClient() {
        core.anActiveClient(msp, "Acme", "acme");
        begin(msp, Optional.of("acme"), "mcp:rmm");

        assertThat(complete(msp, lastState()).client()).map(Object::toString).contains("acme");
    }

    @Test
    void anAuthorizationIsCompletedOnlyOnce() {
        begin(msp, Optional.empty(), "mcp:rmm");
        String state = lastState();
        complete(msp, state);

        assertThatThrownBy(() -> complete(msp, state)).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.field()).isEqualTo("state"));
    }

    @Test
    void anotherMspCannotCompleteItAndItsStateIsRefusedLikeAnUnknownOne() {
        Msp other = core.anMsp();
        begin(msp, Optional.empty(), "mcp:rmm");

        assertThatThrownBy(() -> complete(other, lastState())).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.field()).isEqualTo("state"));
        assertThatThrownBy(() -> complete(msp, "made-up")).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.field()).isEqualTo("state"));
        assertThat(core.integrations.list(other.id(), Optional.empty())).isEmpty();
    }

    @Test
    void anExpiredAuthorizationIsRefused() {
        begin(msp, Optional.empty(), "mcp:rmm");
        core.clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> complete(msp, lastState())).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.rule()).contains("expired"));
        assertThat(core.integrations.list(msp.id(), Optional.empty())).isEmpty();
    }

    @Test
    void theAuthorizationServersRefusalIsShownAndNothingIsConnected() {
        begin(msp, Optional.empty(), "mcp:rmm");

        assertThatThrownBy(() -> authorize.complete(new CompleteAuthorizationCommand(msp.id(), lastState(),
                Optional.empty(), Optional.of("access_denied"), Optional.of("the user said no\u0007"))))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("error");
                    assertThat(e.rule()).contains("access_denied (the user said no)");
                });
        assertThat(core.integrations.list(msp.id(), Optional.empty())).isEmpty();
    }

    @Test
    void aRefusedCodeConnectsNothing() {
        begin(msp, Optional.empty(), "mcp:rmm");

        assertThatThrownBy(() -> authorize.complete(new CompleteAuthorizationCommand(msp.id(), lastState(),
                Optional.of("stolen"), Optional.empty(), Optional.empty())))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThat(core.integrations.list(msp.id(), Optional.empty())).isEmpty();
    }

    @Test
    void aKindThatDoesNotAuthorizeInTheBrowserIsRefusedNamingTheKindAndBadSettingsAreNamed() {
        assertThatThrownBy(() -> authorize.begin(new BeginAuthorizationCommand(msp.id(), Optional.empty(),
                "connectwise", Map.of(), Map.of(), REDIRECT))).isInstanceOfSatisfying(InvalidCommand.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).contains("kind"));
        assertThatThrownBy(() -> authorize.begin(new BeginAuthorizationCommand(msp.id(), Optional.empty(),
                "mcp:rmm", Map.of("colour", "red"), Map.of(), REDIRECT)))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("settings.colour"));
        assertThat(servers.began).isEmpty();
    }

    @Test
    void aServerNameConnectedAlreadyIsAConflictBeforeAnythingIsAsked() {
        begin(msp, Optional.empty(), "mcp:rmm");
        complete(msp, lastState());
        int asked = servers.began.size();

        assertThatThrownBy(() -> begin(msp, Optional.empty(), "mcp:rmm")).isInstanceOf(Conflict.class);
        assertThat(servers.began).hasSize(asked);
    }

    @Test
    void aConnectedIntegrationAuthorizedAgainKeepsItsIdAndPoliciesWithNewTokensOnANewConnection() {
        begin(msp, Optional.empty(), "mcp:rmm");
        IntegrationDetails connected = complete(msp, lastState());
        String id = connected.integration().id().toString();
        var before = live.connection(connected.integration().id()).orElseThrow();

        AuthorizationStarted again = authorize.beginAgain(msp.id(), id, REDIRECT);
        assertThat(again.authorizationUrl()).contains(lastState());
        IntegrationDetails renewed = complete(msp, lastState());

        assertThat(renewed.integration().id()).isEqualTo(connected.integration().id());
        assertThat(core.integrations.list(msp.id(), Optional.empty())).hasSize(1);
        assertThat(core.vault.reveal(msp.id(), connected.integration().id()).orElseThrow().secrets())
                .containsEntry("oauthAccessToken", "at-2");
        assertThat(live.connection(connected.integration().id())).get().isNotSameAs(before);
        assertThat(servers.connectedWith.getLast().secrets()).containsEntry("oauthAccessToken", "at-2");
    }

    @Test
    void anotherMspsIntegrationOrOneNotAuthorizedInTheBrowserCannotBeAuthorizedAgain() {
        begin(msp, Optional.empty(), "mcp:rmm");
        String id = complete(msp, lastState()).integration().id().toString();

        assertThatThrownBy(() -> authorize.beginAgain(core.anMsp().id(), id, REDIRECT))
                .isInstanceOf(dev.steward.application.problem.NotFound.class);
        String psa = connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.empty(), "connectwise",
                Map.of("apiBase", "https://cw.example", "companyId", "n"), Map.of("privateKey", "k")))
                .integration().id().toString();
        assertThatThrownBy(() -> authorize.beginAgain(msp.id(), psa, REDIRECT))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("integration"));
    }

    @Test
    void tokensTheConnectionRenewedAreStored() {
        new RenewedSecrets(live, core.vault, core.unitOfWork);
        begin(msp, Optional.empty(), "mcp:rmm");
        IntegrationDetails connected = complete(msp, lastState());

        servers.renewals.forEach(r -> r.accept(new IntegrationSettings(Map.of("url", "https://rmm.example/mcp",
                "auth", "oauth"), Map.of("oauthAccessToken", "at-2"))));

        assertThat(core.vault.reveal(msp.id(), connected.integration().id()).orElseThrow().secrets())
                .containsEntry("oauthAccessToken", "at-2");
    }
}
