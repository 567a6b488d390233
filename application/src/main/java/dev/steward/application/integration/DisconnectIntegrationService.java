package dev.steward.application.integration;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

public final class DisconnectIntegrationService implements DisconnectIntegrationUseCase {

    private static final System.Logger LOG = System.getLogger(DisconnectIntegrationService.class.getName());

    private final LiveIntegrations live;
    private final IntegrationRepository integrations;
    private final SecretVault vault;
    private final ClientRepository clients;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public DisconnectIntegrationService(LiveIntegrations live, IntegrationRepository integrations, SecretVault vault,
                                        ClientRepository clients, Clock clock, UnitOfWork unitOfWork) {
        this.live = live;
        this.integrations = integrations;
        this.vault = vault;
        this.clients = clients;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void disconnect(MspId msp, String id) {
        Integration removed = unitOfWork.inTransaction(() -> {
            Integration integration = IntegrationLookup.require(integrations, msp, id);
            vault.remove(msp, integration.id());
            integrations.remove(msp, integration.id());
            Instant now = clock.instant();
            IntegrationLookup.reconfigureAgents(clients, integration, "integration " + integration.kind()
                    + " disconnected", now);
            return integration;
        });
        // after the commit: a disconnect that failed leaves the integration live (and its webhook), as it is still
        // stored; one that succeeded removes what connecting registered at the system, and says so when it cannot
        live.connection(removed.id()).ifPresent(connection -> {
            try {
                connection.removeRegistrations();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "{0} was disconnected for MSP {1}, but its webhook could not be "
                        + "removed from {0} ({2}); remove it there by hand", removed.kind(), msp, e.getMessage());
            }
        });
        live.disconnect(removed.id());
    }
}
