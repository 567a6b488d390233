package dev.steward.application.inmemory;

import dev.steward.application.port.ToolExecutor;
import dev.steward.application.port.ToolInvocation;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.ToolExecutorContract;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import java.util.Map;
import java.util.UUID;

class InMemoryToolExecutorTest extends ToolExecutorContract {

    private final InMemoryToolExecutor executor = new InMemoryToolExecutor()
            .register(ToolName.of("m365:get-user"), args -> "user " + args.get("user") + " is enabled");

    @Override
    protected ToolExecutor executor() {
        return executor;
    }

    @Override
    protected ToolInvocation aValidInvocation() {
        return new ToolInvocation(Fixtures.uniqueMspId(), new ClientId(UUID.randomUUID()), ToolName.of("m365:get-user"),
                Map.of("user", "dana@contoso.example"));
    }
}
