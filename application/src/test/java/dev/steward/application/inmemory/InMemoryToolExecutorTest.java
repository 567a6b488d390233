package dev.steward.application.inmemory;

import dev.steward.application.port.agent.ToolExecutor;
import dev.steward.application.port.agent.ToolExecutorContract;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

class InMemoryToolExecutorTest extends ToolExecutorContract {

    private final InMemoryToolExecutor executor = new InMemoryToolExecutor()
            .register(ToolName.of("m365:get-user"), args -> "user " + args.get("user") + " is enabled");

    @Override
    protected ToolExecutor executor() {
        return executor;
    }

    @Override
    protected ToolCall aValidCall() {
        return new ToolCall(Fixtures.uniqueMspId(), new ClientId(UUID.randomUUID()), Optional.empty(),
                UUID.randomUUID(), "dana@contoso.example", ToolName.of("m365:get-user"),
                Map.of("user", "dana@contoso.example"));
    }
}
