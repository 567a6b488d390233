package dev.steward.application.integration;

/**
 * Capability: make every stored integration live again with its stored values, when the control plane starts (a
 * PSA's webhooks, polling and notes depend on it, and every tool call). Its stored tools follow what the connection
 * offers now, keeping the MSP's policies. One that its provider refuses stays stored and is reported in the log, so
 * that one bad credential does not stop the others or the server.
 */
public interface ReconnectIntegrationsUseCase {

    /** @return how many integrations are live afterwards */
    int reconnectAll();
}
