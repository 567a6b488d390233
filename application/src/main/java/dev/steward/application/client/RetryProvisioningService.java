package dev.steward.application.client;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.IllegalTransition;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

public final class RetryProvisioningService implements RetryProvisioningUseCase {

    private final ClientRepository clients;
    private final MspRepository msps;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    private final ProvisioningWakeUp provisioning;

    @Inject
    public RetryProvisioningService(ClientRepository clients, MspRepository msps, Clock clock, UnitOfWork unitOfWork,
                                    ProvisioningWakeUp provisioning) {
        this.clients = clients;
        this.msps = msps;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.provisioning = provisioning;
    }

    @Override
    public ClientDetails retry(MspId mspId, String slug) {
        return unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, mspId);
            Client stored = ClientLookup.change(clients, mspId, slug, Optional.empty(), client -> {
                if (client.status() != AgentStatus.ERROR && client.status() != AgentStatus.PENDING) {
                    throw new IllegalTransition(client.status().label(), AgentStatus.PROVISIONING.label());
                }
                return client.withRetry(RetrySchedule.NONE)
                        .movedTo(AgentStatus.PROVISIONING, "manual retry", clock.instant());
            });
            unitOfWork.afterCommit(() -> provisioning.wakeUp(stored.id()));
            return new ClientDetails(stored, stored.effectiveMode(msp.defaultMode()));
        });
    }
}
