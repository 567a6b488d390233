package dev.steward.application.integration;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.Conflict;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;

/** Also listens to {@link LiveIntegrations}, so a server's announced list change is stored without anyone asking. */
public final class RefreshIntegrationToolsService implements RefreshIntegrationToolsUseCase {

    private static final System.Logger LOG = System.getLogger(RefreshIntegrationToolsService.class.getName());

    private final IntegrationKinds kinds;
    private final LiveIntegrations live;
    private final IntegrationRepository integrations;
    private final ClientRepository clients;
    private final SecretVault vault;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public RefreshIntegrationToolsService(IntegrationKinds kinds, LiveIntegrations live,
                                          IntegrationRepository integrations, ClientRepository clients,
                                          SecretVault vault, Clock clock, UnitOfWork unitOfWork) {
        this.kinds = kinds;
        this.live = live;
        this.integrations = integrations;
        this.clients = clients;
        this.vault = vault;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        live.whenToolsChange(this::changedOnItsOwn);
    }

    @Override
    public IntegrationDetails refresh(MspId msp, String id) {
        Integration stored = IntegrationLookup.require(integrations, msp, id);
        IntegrationConnection connection = live.connection(stored.id()).orElseThrow(() -> Conflict.of(
                "integration.not-live", stored.kind() + " is not connected now; its tools cannot be listed"));
        connection.refreshTools();
        Integration current = store(stored, connection);
        return IntegrationLookup.shown(current, kinds, clients, vault, integrations, live);
    }

    private void changedOnItsOwn(IntegrationId id) {
        try {
            live.integration(id).flatMap(known -> unitOfWork.inTransaction(() -> integrations.find(known.msp(), id)))
                    .ifPresent(stored -> live.connection(id).ifPresent(connection -> store(stored, connection)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the changed tools of integration {0} were not stored: {1}", id,
                    e.getClass().getSimpleName());
        }
    }

    /** The integration offering the connection's tools now, stored and live, its agents told when they changed. */
    private Integration store(Integration stored, IntegrationConnection connection) {
        Map<ToolName, ToolPolicy> curated = kinds
                .kind(stored.kind()).map(IntegrationKind::curatedDefaults).orElse(Map.of());
        Integration offering = stored.offering(connection.tools(), curated);
        if (offering.equals(stored)) {
            return stored;
        }
        Integration saved = unitOfWork.inTransaction(() -> {
            Integration updated = integrations.update(offering);
            IntegrationLookup.reconfigureAgents(clients, updated, "the tools of " + updated.kind() + " changed",
                    clock.instant());
            return updated;
        });
        live.register(saved, connection);
        return saved;
    }
}
