package dev.steward.application.inmemory;

import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentCredentialsContract;
import dev.steward.domain.client.ClientId;
import java.util.UUID;

class InMemoryAgentCredentialsTest extends AgentCredentialsContract {

    private final InMemoryAgentCredentials credentials = new InMemoryAgentCredentials();

    @Override
    protected AgentCredentials credentials() {
        return credentials;
    }

    @Override
    protected ClientId aStoredClient() {
        return new ClientId(UUID.randomUUID());
    }
}
