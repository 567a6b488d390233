package dev.steward.application.inmemory;

import dev.steward.application.port.AgentCredentials;
import dev.steward.application.testkit.AgentCredentialsContract;

class InMemoryAgentCredentialsTest extends AgentCredentialsContract {

    private final InMemoryAgentCredentials credentials = new InMemoryAgentCredentials();

    @Override
    protected AgentCredentials credentials() {
        return credentials;
    }
}
