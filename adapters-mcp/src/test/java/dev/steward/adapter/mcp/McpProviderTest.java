package dev.steward.adapter.mcp;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.domain.integration.Tool;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The MCP provider keeps the SPI's rules, against an MCP server built with the same SDK that demands a token. */
class McpProviderTest extends IntegrationProviderContract {

    private static InJvmMcpServer server;

    @BeforeAll
    static void start() {
        server = new InJvmMcpServer(Optional.of(InJvmMcpServer.TOKEN), false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected IntegrationProvider provider() {
        return new McpProvider(false);
    }

    @Override
    protected IntegrationSettings usableValues() {
        return new IntegrationSettings(Map.of("url", server.url()), Map.of("token", InJvmMcpServer.TOKEN));
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return new IntegrationSettings(Map.of("url", server.url()), Map.of("token", "wrong"));
    }

    @Override
    protected Map<String, String> argumentsFor(Tool tool) {
        return tool.name().action().equals("echo") ? Map.of("message", "hello") : Map.of();
    }
}
