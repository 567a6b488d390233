package dev.steward.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.MspId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the reference server: its tools as it lists them now, a call round trip, policies from its annotations. */
class EverythingServerIT {

    private static EverythingServer server;
    private final MspId msp = Fixtures.uniqueMspId();

    @BeforeAll
    static void start() {
        server = EverythingServer.startHttp();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private IntegrationConnection connect(McpProvider provider, Map<String, String> settings) {
        Integration integration = Integration.connect(new IntegrationId(UUID.randomUUID()), msp, Optional.empty(),
                "mcp:everything", List.of(), Map.of(), Fixtures.T0);
        return provider.connect(integration, new IntegrationSettings(settings, Map.of()),
                ProviderContext.defaults(Clock.systemUTC()));
    }

    private static String echo(IntegrationConnection connection, String message) {
        return connection.execute(new ToolCall(Fixtures.uniqueMspId(), new ClientId(UUID.randomUUID()),
                Optional.empty(), UUID.randomUUID(), "", ToolName.of("mcp:everything:echo"),
                Map.of("message", message))).summary();
    }

    @Test
    void listsTheServersToolsWithSchemasRunsEchoAndSeedsPoliciesFromItsAnnotations() {
        try (IntegrationConnection connection = connect(new McpProvider(false), Map.of("url", server.url()))) {
            List<Tool> tools = connection.tools();
            // listed at test start rather than assumed: only echo is relied on, plus whatever else is annotated
            assertThat(tools).extracting(t -> t.name().value()).contains("mcp:everything:echo");
            Tool echo = tools.stream().filter(t -> t.name().action().equals("echo")).findFirst().orElseThrow();
            assertThat(echo.description()).isNotBlank();
            assertThat(echo.input().parameter("message").map(ToolParameter::required)).contains(true);
            assertThat(echo.input().jsonSchema()).contains("\"message\"");

            assertThat(echo(connection, "hello from Steward")).contains("hello from Steward");

            Integration seeded = Integration.connect(new IntegrationId(UUID.randomUUID()), msp, Optional.empty(),
                    "mcp:everything", tools, Map.of(), Fixtures.T0);
            assertThat(seeded.policyOf(echo.name())).as("echo is annotated read-only").isEqualTo(ToolPolicy.AUTO);
            tools.stream().filter(t -> t.name().action().startsWith("toggle-")).forEach(toggle ->
                    assertThat(seeded.policyOf(toggle.name())).as("%s is annotated readOnlyHint false", toggle.name())
                            .isEqualTo(ToolPolicy.APPROVAL_NEEDED));
        }
    }

    @Test
    void runsTheSameServerOverStdioWhenTheInstallationAllowsIt() {
        try (IntegrationConnection connection = connect(new McpProvider(true),
                Map.of("command", EverythingServer.stdioCommand()))) {
            assertThat(connection.tools()).extracting(t -> t.name().value()).contains("mcp:everything:echo");
            assertThat(echo(connection, "over stdio")).contains("over stdio");
        }
    }
}
