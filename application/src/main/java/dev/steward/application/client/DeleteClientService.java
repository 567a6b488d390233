package dev.steward.application.client;

import dev.steward.application.port.AgentCredentials;
import dev.steward.application.port.AgentRuntime;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.DeletionConfirmation;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;

public final class DeleteClientService implements DeleteClientUseCase {

    private static final System.Logger LOG = System.getLogger(DeleteClientService.class.getName());

    private final CommandValidator validator;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final AgentRuntime runtime;
    private final AgentCredentials agentCredentials;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public DeleteClientService(CommandValidator validator, ClientRepository clients, MspRepository msps,
                               AgentRuntime runtime, AgentCredentials agentCredentials, Clock clock,
                               UnitOfWork unitOfWork) {
        this.validator = validator;
        this.clients = clients;
        this.msps = msps;
        this.runtime = runtime;
        this.agentCredentials = agentCredentials;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ClientDetails delete(DeleteClientCommand command) {
        validator.check(command).throwIfAny();
        ClientDetails deleted = unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, command.msp());
            Client stored = ClientLookup.change(clients, msp.id(), command.slug(), command.expectedVersion(),
                    client -> client.destroyed(new DeletionConfirmation(command.confirmName()), clock.instant()));
            // the agent's only credential dies with the client, in the same transaction
            agentCredentials.revoke(stored.id());
            return new ClientDetails(stored, stored.effectiveMode(msp.defaultMode()));
        });
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
