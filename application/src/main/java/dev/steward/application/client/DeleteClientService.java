package dev.steward.application.client;

import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.integration.SecretVault;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.DeletionConfirmation;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class DeleteClientService implements DeleteClientUseCase {

    private static final System.Logger LOG = System.getLogger(DeleteClientService.class.getName());

    private final CommandValidator validator;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final AgentRuntime runtime;
    private final AgentCredentials agentCredentials;
    private final IntegrationRepository integrations;
    private final SecretVault vault;
    private final LiveIntegrations live;
    private final ClientMappings mappings;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public DeleteClientService(CommandValidator validator, ClientRepository clients, MspRepository msps,
                               AgentRuntime runtime, AgentCredentials agentCredentials,
                               IntegrationRepository integrations, SecretVault vault, LiveIntegrations live,
                               ClientMappings mappings, Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.clients = clients;
        this.msps = msps;
        this.runtime = runtime;
        this.agentCredentials = agentCredentials;
        this.integrations = integrations;
        this.vault = vault;
        this.live = live;
        this.mappings = mappings;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ClientDetails delete(DeleteClientCommand command) {
        validator.check(command).throwIfAny();
        List<Integration> revoked = new ArrayList<>();
        ClientDetails deleted = unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, command.msp());
            Client stored = ClientLookup.change(clients, msp.id(), command.slug(), command.expectedVersion(),
                    client -> client.destroyed(new DeletionConfirmation(command.confirmName()), clock.instant()));
            // the agent's only credential dies with the client, in the same transaction
            agentCredentials.revoke(stored.id());
            // and so do the credentials of the client's own integrations (its activity log is kept)
            for (Integration integration : integrations.list(msp.id(), Optional.of(stored.id()))) {
                vault.remove(msp.id(), integration.id());
                integrations.remove(msp.id(), integration.id());
                revoked.add(integration);
            }
            // its directory entries (tenant, company) are free for another client
            for (ClientMapping mapping : mappings.ofClient(msp.id(), stored.id())) {
                mappings.remove(msp.id(), stored.id(), mapping.kind());
            }
            return new ClientDetails(stored, stored.effectiveMode(msp.defaultMode()));
        });
        revoked.forEach(integration -> live.disconnect(integration.id()));
        // The destroyed status is committed first: if removing the agent fails now, or the process dies, the
        // reconciler finds the agent without a live client and removes it as an orphan.
        try {
            runtime.destroy(deleted.client().id());
        } catch (PortFailure e) {
            LOG.log(Level.WARNING, "agent of {0} not removed yet ({1}); the reconciler will retry",
                    deleted.client().slug(), e.getMessage());
        }
        return deleted;
    }
}
