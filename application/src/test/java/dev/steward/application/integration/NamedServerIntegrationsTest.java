package dev.steward.application.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.steward.application.InMemoryCore;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
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
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.Msp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MCP servers are integrations of kind {@code mcp:<server>}, connected by the one {@code mcp} provider, whose tools
 * follow what the server offers: on demand and when its connection reports a change.
 */
class NamedServerIntegrationsTest {

    /** A stand-in for the MCP provider: its connections offer what {@link #offered} holds now. */
    static final class ChangingServers implements IntegrationProvider {
        final List<Tool> offered = new CopyOnWriteArrayList<>();
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        volatile Instant down;

        @Override
        public IntegrationKind kind() {
            return new IntegrationKind("mcp", "Custom MCP server", Set.of(IntegrationScope.MSP,
                    IntegrationScope.CLIENT), List.of(SettingSpec.optional("url", "URL")), List.of(), Map.of());
        }

        @Override
        public IntegrationConnection connect(Integration integration, IntegrationSettings values,
                                             ProviderContext context) {
            return new IntegrationConnection() {
                @Override
                public List<Tool> tools() {
                    return offered.stream().map(t -> new Tool(ToolName.of(integration.kind() + ":"
                            + t.name().action()), t.effect(), t.description())).toList();
                }

                @Override
                public ToolResult execute(ToolCall call) {
                    return ToolResult.of("ran " + call.tool());
                }

                @Override
                public void onToolsChanged(Runnable listener) {
                    listeners.add(listener);
                }

                @Override
                public Optional<Instant> unreachableSince() {
                    return Optional.ofNullable(down);
                }
            };
        }

        void change(List<Tool> tools) {
            offered.clear();
            offered.addAll(tools);
            listeners.forEach(Runnable::run);
        }
    }

    private final InMemoryCore core = new InMemoryCore();
    private final ChangingServers servers = new ChangingServers();
    private final IntegrationKinds kinds = IntegrationKinds.of(core.psaProvider, servers);
    private final LiveIntegrations live = new LiveIntegrations(kinds, ProviderContext.defaults(core.clock));
    private final ConnectIntegrationService connect = new ConnectIntegrationService(core.validator, kinds, live,
            core.integrations, core.vault, core.clients, core.msps, core.ids, core.clock, core.unitOfWork);
    private final RefreshIntegrationToolsService refresh = new RefreshIntegrationToolsService(kinds, live,
            core.integrations, core.clients, core.vault, core.clock, core.unitOfWork);
    private final GetIntegrationService get = new GetIntegrationService(core.integrations, kinds, core.clients,
            core.vault, live);
    private final Msp msp = core.anMsp();

    @AfterEach
    void close() {
        core.close();
    }

    private IntegrationDetails connect(Optional<String> client, String kind) {
        return connect.connect(new ConnectIntegrationCommand(msp.id(), client, kind,
                Map.of("url", "https://rmm.example/mcp"), Map.of()));
    }

    @Test
    void aServerIsConnectedUnderItsNameAndItsToolsAreNamedAfterIt() {
        servers.change(List.of(Tool.readOnly("mcp:x:list-devices", "devices"), Tool.write("mcp:x:reboot", "r")));

        Integration rmm = connect(Optional.empty(), "mcp:rmm").integration();

        assertThat(rmm.kind()).isEqualTo("mcp:rmm");
        assertThat(rmm.policyOf(ToolName.of("mcp:rmm:list-devices"))).isEqualTo(ToolPolicy.AUTO);
        assertThat(rmm.policyOf(ToolName.of("mcp:rmm:reboot"))).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(get.get(msp.id(), rmm.id().toString()).label()).isEqualTo("Custom MCP server");
    }

    @Test
    void aServerWithoutAUsableNameIsRefusedNamingTheKindAndNothingIsKept() {
        for (String kind : List.of("mcp", "mcp:", "mcp:Bad Name", "mcp:a:b")) {
            assertThatThrownBy(() -> connect(Optional.empty(), kind)).as(kind)
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("kind"));
        }
        assertThat(core.integrations.list(msp.id(), Optional.empty())).isEmpty();
    }

    @Test
    void aDuplicateServerNameIsAConflictInTheSameScopeAndBetweenTheMspAndAClient() {
        core.anActiveClient(msp, "Acme", "acme");
        connect(Optional.empty(), "mcp:rmm");
        connect(Optional.empty(), "mcp:docs");

        assertThatThrownBy(() -> connect(Optional.empty(), "mcp:rmm")).isInstanceOf(Conflict.class)
                .hasMessageContaining("mcp:rmm is already connected");
        assertThatThrownBy(() -> connect(Optional.of("acme"), "mcp:rmm")).isInstanceOf(Conflict.class);
        assertThat(core.integrations.list(msp.id(), Optional.empty())).hasSize(2);
    }

    @Test
    void refreshingFollowsTheServerKeepingTheMspsPoliciesAndSeedingNewTools() {
        servers.change(List.of(Tool.readOnly("mcp:x:list-devices", "d"), Tool.write("mcp:x:reboot", "r")));
        Integration rmm = connect(Optional.empty(), "mcp:rmm").integration();
        core.integrations.update(core.integrations.find(msp.id(), rmm.id()).orElseThrow()
                .withPolicy(ToolName.of("mcp:rmm:reboot"), ToolPolicy.DISABLED));
        servers.offered.clear();
        servers.offered.addAll(List.of(Tool.write("mcp:x:reboot", "r"), Tool.readOnly("mcp:x:get-device", "g")));

        Integration refreshed = refresh.refresh(msp.id(), rmm.id().toString()).integration();

        assertThat(refreshed.tools()).extracting(t -> t.name().value())
                .containsExactly("mcp:rmm:reboot", "mcp:rmm:get-device");
        assertThat(refreshed.policyOf(ToolName.of("mcp:rmm:reboot"))).isEqualTo(ToolPolicy.DISABLED);
        assertThat(refreshed.policyOf(ToolName.of("mcp:rmm:get-device"))).isEqualTo(ToolPolicy.AUTO);
        assertThat(core.integrations.find(msp.id(), rmm.id()).orElseThrow().tools()).hasSize(2);
        assertThat(live.integration(rmm.id()).orElseThrow().tools()).hasSize(2);
    }

    @Test
    void aChangeTheServerAnnouncesIsStoredWithoutAnyoneAsking() {
        servers.change(List.of(Tool.readOnly("mcp:x:list-devices", "d")));
        Integration rmm = connect(Optional.empty(), "mcp:rmm").integration();

        servers.change(List.of(new Tool(ToolName.of("mcp:x:send-report"), ToolEffect.WRITE, "s")));

        await().atMost(Duration.ofSeconds(10)).until(() -> core.integrations.find(msp.id(), rmm.id()).orElseThrow()
                .tool(ToolName.of("mcp:rmm:send-report")).isPresent());
        Integration stored = core.integrations.find(msp.id(), rmm.id()).orElseThrow();
        assertThat(stored.tools()).hasSize(1);
        assertThat(stored.policyOf(ToolName.of("mcp:rmm:send-report"))).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
    }

    @Test
    void aServerThatIsDownShowsSinceWhen() {
        Integration rmm = connect(Optional.empty(), "mcp:rmm").integration();
        servers.down = Instant.parse("2026-01-01T10:00:00Z");

        assertThat(get.get(msp.id(), rmm.id().toString()).unreachableSince()).contains(servers.down);
    }
}
