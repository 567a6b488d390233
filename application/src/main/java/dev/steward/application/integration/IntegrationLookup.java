package dev.steward.application.integration;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.client.ClientReconfiguration;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.integration.SettingsView;
import dev.steward.application.problem.NotFound;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Loading integrations by the keys callers hold, and what every change to one means for the agents. */
final class IntegrationLookup {

    private IntegrationLookup() {
    }

    /** @throws NotFound if the MSP has no such integration (a malformed id cannot name one either) */
    static Integration require(IntegrationRepository integrations, MspId msp, String id) {
        IntegrationId parsed;
        try {
            parsed = new IntegrationId(UUID.fromString(String.valueOf(id)));
        } catch (IllegalArgumentException e) {
            throw new NotFound("integration", String.valueOf(id));
        }
        return integrations.find(msp, parsed).orElseThrow(() -> new NotFound("integration", id));
    }

    /**
     * The integration a change is about, as the caller last saw it.
     *
     * @throws NotFound as {@link #require}
     * @throws dev.steward.application.problem.Conflict if {@code expectedVersion} is given and the integration changed
     *     since
     */
    static Integration requireAt(IntegrationRepository integrations, MspId msp, String id,
                                 Optional<Long> expectedVersion) {
        Integration integration = require(integrations, msp, id);
        ClientLookup.checkExpectedVersion("integration " + integration.kind(), expectedVersion, integration.version());
        return integration;
    }

    /**
     * Stores a change to an integration and reconfigures its clients' agents.
     *
     * @return the integration as it is now shown
     */
    static IntegrationDetails store(Integration changed, String what, Instant at, IntegrationRepository integrations,
                                    IntegrationKinds kinds, ClientRepository clients, SecretVault vault) {
        Integration stored = integrations.update(changed);
        reconfigureAgents(clients, stored, what, at);
        return details(stored, kinds, clients, vault);
    }

    /** @throws NotFound if the text names no tool of the integration (a malformed name cannot name one either) */
    static ToolName toolOf(Integration integration, String text) {
        try {
            ToolName tool = ToolName.of(text);
            if (integration.tool(tool).isPresent()) {
                return tool;
            }
        } catch (InvalidValue malformed) {
            // reported as not found below
        }
        throw new NotFound("tool", text);
    }

    static IntegrationDetails details(Integration integration, IntegrationKinds kinds, ClientRepository clients,
                                      SecretVault vault) {
        Optional<Slug> client = integration.client().flatMap(clients::find).map(Client::slug);
        String label = kinds.kind(integration.kind()).map(IntegrationKind::label).orElse(integration.kind());
        SettingsView values = vault.describe(integration.msp(), integration.id()).orElse(SettingsView.NONE);
        return new IntegrationDetails(integration, client, label, values);
    }

    /**
     * The details as the integration pages show them: with what its live connection says (since when its system has
     * not answered, how its events reach Steward) and when its last webhook delivery was accepted.
     */
    static IntegrationDetails shown(Integration integration, IntegrationKinds kinds, ClientRepository clients,
                                    SecretVault vault, IntegrationRepository integrations, LiveIntegrations live) {
        Optional<IntegrationConnection> connection = live.connection(integration.id());
        return details(integration, kinds, clients, vault)
                .unreachableSince(connection.flatMap(IntegrationConnection::unreachableSince))
                .webhook(connection.flatMap(IntegrationConnection::inboundWebhook),
                        integrations.lastWebhookDelivery(integration.msp(), integration.id()));
    }

    /**
     * An integration's tools and policies are part of the configuration of every agent that uses it: all of the
     * MSP's for an MSP-wide one, the client's own otherwise.
     */
    static void reconfigureAgents(ClientRepository clients, Integration integration, String what, Instant at) {
        ClientReconfiguration.reconfigureLive(clients, integration.msp(),
                client -> integration.client().map(client.id()::equals).orElse(true), what, at);
    }
}
