package dev.steward.application.integration;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ReconnectIntegrationsService implements ReconnectIntegrationsUseCase {

    private static final System.Logger LOG = System.getLogger(ReconnectIntegrationsService.class.getName());
    private static final int PAGE = 500;

    private final IntegrationKinds kinds;
    private final LiveIntegrations live;
    private final IntegrationRepository integrations;
    private final SecretVault vault;
    private final MspRepository msps;
    private final ClientRepository clients;
    private final UnitOfWork unitOfWork;

    @Inject
    public ReconnectIntegrationsService(IntegrationKinds kinds, LiveIntegrations live,
                                        IntegrationRepository integrations, SecretVault vault, MspRepository msps,
                                        ClientRepository clients, UnitOfWork unitOfWork) {
        this.kinds = kinds;
        this.live = live;
        this.unitOfWork = unitOfWork;
        this.integrations = integrations;
        this.vault = vault;
        this.msps = msps;
        this.clients = clients;
    }

    @Override
    public int reconnectAll() {
        List<Integration> stored = new ArrayList<>();
        for (Msp msp : msps.list()) {
            stored.addAll(integrations.list(msp.id(), Optional.empty()));
        }
        Optional<ClientId> after = Optional.empty();
        while (true) {
            List<Client> page = clients.listLive(after, PAGE);
            for (Client client : page) {
                stored.addAll(integrations.list(client.msp(), Optional.of(client.id())));
            }
            if (page.size() < PAGE) {
                break;
            }
            after = Optional.of(page.getLast().id());
        }
        int live = 0;
        for (Integration integration : stored) {
            live += reconnect(integration) ? 1 : 0;
        }
        return live;
    }

    private boolean reconnect(Integration integration) {
        Optional<IntegrationKind> kind = kinds.kind(integration.kind());
        if (kind.isEmpty()) {
            LOG.log(Level.WARNING, "integration {0} ({1}) is stored but no installed provider offers its kind",
                    integration.id(), integration.kind());
            return false;
        }
        IntegrationConnection connection;
        try {
            connection = live.reopen(integration, vault.reveal(integration.msp(), integration.id())
                    .orElseThrow(() -> new IllegalStateException("its settings are missing from the secret vault")));
        } catch (RuntimeException e) {
            // the message names a field and a rule, never a value (InvalidValue, PortFailure)
            LOG.log(Level.WARNING, "integration {0} ({1}) of MSP {2} could not be made live again: {3}",
                    integration.id(), integration.kind(), integration.msp(), e.getMessage());
            return false;
        }
        live.register(syncTools(integration, connection, kind.get()), connection);
        return true;
    }

    /**
     * The stored tools follow what the connection offers now (a newer catalog, tools an MCP server added), keeping
     * the MSP's policies and marks; a stored integration that cannot be updated keeps its tools.
     */
    private Integration syncTools(Integration stored, IntegrationConnection connection, IntegrationKind kind) {
        Integration offering = stored.offering(connection.tools(), kind.curatedDefaults());
        if (offering.equals(stored)) {
            return stored;
        }
        try {
            return unitOfWork.inTransaction(() -> integrations.update(offering));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the tools of integration {0} ({1}) were not updated: {2}", stored.id(),
                    stored.kind(), e.getMessage());
            return stored;
        }
    }
}
