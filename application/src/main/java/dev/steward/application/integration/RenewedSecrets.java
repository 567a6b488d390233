package dev.steward.application.integration;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.domain.integration.Integration;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Stores the values a live connection renewed on its own (an MCP server's OAuth tokens, refreshed before they
 * expire), so that the control plane connects with the current ones after a restart and every control plane of the
 * installation finds them. A renewal that could not be stored is logged by integration, never with its values; the
 * connection keeps using what it renewed.
 */
public final class RenewedSecrets {

    private static final System.Logger LOG = System.getLogger(RenewedSecrets.class.getName());

    private final SecretVault vault;
    private final UnitOfWork unitOfWork;

    @Inject
    public RenewedSecrets(LiveIntegrations live, SecretVault vault, UnitOfWork unitOfWork) {
        this.vault = vault;
        this.unitOfWork = unitOfWork;
        live.whenSecretsRenewed(this::store);
    }

    private void store(Integration integration, IntegrationSettings values) {
        try {
            unitOfWork.run(() -> vault.store(integration.msp(), integration.id(), values));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the renewed secrets of integration {0} were not stored: {1}", integration.id(),
                    e.getClass().getSimpleName());
        }
    }
}
