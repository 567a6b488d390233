package dev.steward.application.inmemory;

import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentCheckInsContract;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;

class InMemoryAgentCheckInsTest extends AgentCheckInsContract {

    private final InMemoryAgentCheckIns checkIns = new InMemoryAgentCheckIns();

    @Override
    protected AgentCheckIns checkIns() {
        return checkIns;
    }

    @Override
    protected Client aStoredClient() {
        return Fixtures.aClient().build();
    }
}
