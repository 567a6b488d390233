package dev.steward.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fault cases, against an in-JVM MCP server built with the same SDK. */
class McpConnectionTest {

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T09:00:00Z");
    private final ProviderContext context = new ProviderContext(clock, Duration.ofSeconds(5), Duration.ofSeconds(5),
            1, Duration.ofSeconds(1), false);
    private final MspId msp = Fixtures.uniqueMspId();
    private final InJvmMcpServer server = new InJvmMcpServer(Optional.empty(), true);
    private final McpProvider provider = new McpProvider(false);

    @AfterEach
    void stop() {
        server.close();
    }

    private Integration integration(String server) {
        return Integration.connect(new IntegrationId(UUID.randomUUID()), msp, Optional.empty(), server, List.of(),
                Map.of(), Fixtures.T0);
    }

    private IntegrationConnection connect() {
        return provider.connect(integration("mcp:rmm"), new IntegrationSettings(Map.of("url", server.url()),
                Map.of()), context);
    }

    private ToolResult call(IntegrationConnection connection, String tool, Map<String, String> arguments) {
        return connection.execute(new ToolCall(msp, new ClientId(UUID.randomUUID()), Optional.empty(),
                UUID.randomUUID(), "", ToolName.of("mcp:rmm:" + tool), arguments));
    }

    private static Tool tool(IntegrationConnection connection, String name) {
        return connection.tools().stream().filter(t -> t.name().value().equals("mcp:rmm:" + name)).findFirst()
                .orElseThrow();
    }

    @Test
    void connectingListsEveryToolWithItsDescriptionAndSchemaAndSeedsPoliciesFromAnnotationsThenNames() {
        try (IntegrationConnection connection = connect()) {
            Tool echo = tool(connection, "echo");
            assertThat(echo.description()).isEqualTo("Echoes the message");
            assertThat(echo.input().jsonSchema()).contains("\"what to echo\"");
            assertThat(echo.input().parameter("message")).get().satisfies(p -> {
                assertThat(p.required()).isTrue();
                assertThat(p.type()).isEqualTo(ToolParameter.Type.STRING);
            });
            assertThat(echo.input().parameter("times").orElseThrow().type()).isEqualTo(ToolParameter.Type.INTEGER);

            Integration seeded = integration("mcp:rmm").offering(connection.tools(), Map.of());
            assertThat(seeded.policyOf(ToolName.of("mcp:rmm:echo"))).as("readOnlyHint true").isEqualTo(ToolPolicy.AUTO);
            assertThat(seeded.policyOf(ToolName.of("mcp:rmm:search-hidden"))).as("readOnlyHint false beats the name")
                    .isEqualTo(ToolPolicy.APPROVAL_NEEDED);
            assertThat(seeded.policyOf(ToolName.of("mcp:rmm:list-devices"))).as("no annotations: the verb")
                    .isEqualTo(ToolPolicy.AUTO);
            assertThat(seeded.policyOf(ToolName.of("mcp:rmm:delete-device"))).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
            assertThat(seeded.policyOf(ToolName.of("mcp:rmm:rotate-keys"))).as("in doubt")
                    .isEqualTo(ToolPolicy.APPROVAL_NEEDED);
            assertThat(tool(connection, "rotate-keys").effect()).isEqualTo(ToolEffect.WRITE);
        }
    }

    @Test
    void aCallTravelsWithItsArgumentsTypedAsTheSchemaSays() {
        try (IntegrationConnection connection = connect()) {
            assertThat(call(connection, "echo", Map.of("message", "hi", "times", "3")).summary())
                    .isEqualTo("Echo: hi x3");
        }
    }

    @Test
    void aSlowToolTimesOutAndTheConnectionGoesOn() {
        try (IntegrationConnection connection = connect()) {
            assertThatThrownBy(() -> call(connection, "slow", Map.of()))
                    .isInstanceOfSatisfying(PortFailure.class, e -> {
                        assertThat(e.getMessage()).contains("mcp:rmm:slow did not answer within 5 s");
                        assertThat(e.retryable()).isTrue();
                    });
            assertThat(connection.unreachableSince()).as("a slow tool is not a server that is down").isEmpty();
            assertThat(call(connection, "echo", Map.of("message", "still here")).summary()).contains("still here");
        }
    }

    @Test
    void anIsErrorResultIsAToolErrorCarryingTheServersText() {
        try (IntegrationConnection connection = connect()) {
            assertThatThrownBy(() -> call(connection, "fails", Map.of()))
                    .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                            .contains("mcp:rmm:fails reported an error: the device is offline"));
        }
    }

    @Test
    void aFiveMegabyteResultIsCutToItsBound() {
        try (IntegrationConnection connection = connect()) {
            String summary = call(connection, "get-big", Map.of()).summary();

            assertThat(summary.length()).isLessThan(McpResults.MAX_CHARACTERS + 100);
            assertThat(summary).startsWith("xxxx").endsWith("[… result cut at 16000 characters]");
        }
    }

    @Test
    void aServerRestartedMidSessionIsCalledAgainOnANewSession() {
        try (IntegrationConnection connection = connect()) {
            assertThat(call(connection, "echo", Map.of("message", "before")).summary()).contains("before");
            server.stop();
            server.start();

            assertThat(call(connection, "echo", Map.of("message", "after")).summary()).contains("after");
            assertThat(connection.unreachableSince()).isEmpty();
        }
    }

    @Test
    void aServerThatIsDownIsUnreachableSinceItFailedAndItsToolsFailFastUntilItIsTriedAgain() {
        try (IntegrationConnection connection = connect()) {
            server.stop();
            assertThatThrownBy(() -> call(connection, "echo", Map.of("message", "x")))
                    .isInstanceOf(PortFailure.class);
            assertThat(connection.unreachableSince()).contains(clock.instant());

            server.start();
            int before = server.calls.get();
            clock.advance(Duration.ofSeconds(10));
            assertThatThrownBy(() -> call(connection, "echo", Map.of("message", "x")))
                    .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                            .isEqualTo("mcp:rmm is unreachable since 2026-01-01T09:00:00Z"));
            assertThat(server.calls.get()).as("failing fast, the server is not asked").isEqualTo(before);

            clock.advance(McpConnection.RETRY_AFTER);
            assertThat(call(connection, "echo", Map.of("message", "back")).summary()).contains("back");
            assertThat(connection.unreachableSince()).isEmpty();
        }
    }

    @Test
    void whenTheServerAnnouncesAChangedListNewToolsArriveAndRemovedOnesDisappear() {
        try (IntegrationConnection connection = connect()) {
            AtomicInteger changes = new AtomicInteger();
            connection.onToolsChanged(changes::incrementAndGet);

            server.add(InJvmMcpServer.tool("get-weather", null, "sunny"));
            await().atMost(Duration.ofSeconds(20)).until(() -> connection.tools().stream()
                    .anyMatch(t -> t.name().value().equals("mcp:rmm:get-weather")));
            assertThat(call(connection, "get-weather", Map.of()).summary()).isEqualTo("sunny");

            server.remove("delete-device");
            await().atMost(Duration.ofSeconds(20)).until(() -> connection.tools().stream()
                    .noneMatch(t -> t.name().value().equals("mcp:rmm:delete-device")));
            await().atMost(Duration.ofSeconds(20)).until(() -> changes.get() >= 2);
        }
    }

    @Test
    void refreshingOnDemandListsTheServersToolsAgain() {
        try (IntegrationConnection connection = connect()) {
            server.remove("rotate-keys");
            assertThat(connection.refreshTools()).extracting(t -> t.name().action()).doesNotContain("rotate-keys")
                    .contains("echo");
        }
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedNamingTheField() {
        for (String url : List.of("ftp://rmm.example/mcp", "file:///etc/passwd", "rmm.example", "http://user@x/mcp")) {
            assertThatThrownBy(() -> provider.connect(integration("mcp:rmm"),
                    new IntegrationSettings(Map.of("url", url), Map.of()), context))
                    .as(url).isInstanceOfSatisfying(InvalidValue.class, e -> {
                        assertThat(e.field()).isEqualTo("settings.url");
                        assertThat(e.getMessage()).contains("http(s) URL");
                    });
        }
    }

    @Test
    void plainHttpGoesOnlyToLoopbackSoTheServersSecretNeverCrossesTheNetworkInClear() {
        assertThatThrownBy(() -> provider.connect(integration("mcp:rmm"), new IntegrationSettings(Map.of("url",
                "http://rmm.example/mcp"), Map.of("token", "s3cret")), context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("settings.url");
                    assertThat(e.code()).isEqualTo("settings.url.insecure");
                });
    }

    @Test
    void aServerThatDoesNotSpeakMcpIsRefusedNamingTheUrl() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        try {
            assertThatThrownBy(() -> provider.connect(integration("mcp:web"), new IntegrationSettings(Map.of("url",
                    "http://127.0.0.1:" + web.getAddress().getPort() + "/mcp"), Map.of()), context))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> {
                        assertThat(e.field()).isEqualTo("settings.url");
                        assertThat(e.getMessage()).contains("MCP");
                    });
        } finally {
            web.stop(0);
        }
    }

    @Test
    void aToolWhoseNameStewardCannotUseIsRefusedOnConnect() {
        server.add(InJvmMcpServer.tool("Open Ticket!", null, "x"));

        assertThatThrownBy(this::connect).isInstanceOfSatisfying(InvalidValue.class, e -> {
            assertThat(e.field()).isEqualTo("settings.url");
            assertThat(e.getMessage()).contains("'Open Ticket!'", "a-z, 0-9");
        });
    }

    @Test
    void aTokenIsSentAsABearerAndAWrongOneIsRefusedNamingTheSecret() {
        try (InJvmMcpServer guarded = new InJvmMcpServer(Optional.of(InJvmMcpServer.TOKEN), false)) {
            assertThatThrownBy(() -> provider.connect(integration("mcp:rmm"), new IntegrationSettings(
                    Map.of("url", guarded.url()), Map.of()), context))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("secrets.token"));

            try (IntegrationConnection connection = provider.connect(integration("mcp:rmm"), new IntegrationSettings(
                    Map.of("url", guarded.url()), Map.of("token", InJvmMcpServer.TOKEN)), context)) {
                assertThat(connection.tools()).isNotEmpty();
            }
            assertThat(guarded.authorizations).contains("Bearer " + InJvmMcpServer.TOKEN);
        }
    }

    @Test
    void aStdioCommandIsRefusedUnlessTheInstallationAllowsIt() {
        assertThatThrownBy(() -> provider.connect(integration("mcp:local"), new IntegrationSettings(
                Map.of("command", "npx -y @modelcontextprotocol/server-everything"), Map.of()), context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("settings.command");
                    assertThat(e.getMessage()).contains(McpProvider.STDIO_SWITCH);
                });
    }
}
