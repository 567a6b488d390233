package dev.steward.application.client;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.ClientName;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.time.Clock;

public final class CreateClientService implements CreateClientUseCase {

    private final CommandValidator validator;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final ProvisioningWakeUp provisioning;

    @Inject
    public CreateClientService(CommandValidator validator, ClientRepository clients, MspRepository msps,
                               IdGenerator ids, Clock clock, UnitOfWork unitOfWork, ProvisioningWakeUp provisioning) {
        this.validator = validator;
        this.clients = clients;
        this.msps = msps;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.provisioning = provisioning;
    }

    @Override
    public ClientDetails create(CreateClientCommand command) {
        Violations violations = validator.check(command);
        ClientName name = violations.attempt(() -> ClientName.trimmed(command.name()));
        Slug slug = violations.attempt(() -> Slug.of(command.slug()));
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, command.msp());
            Client client = Client.register(new ClientId(ids.next()), msp.id(), name, slug, clock.instant());
            Client stored = clients.add(client);
            // once the reconciler can read it (an Idempotency-Key's transaction may still be open around this one)
            unitOfWork.afterCommit(() -> provisioning.wakeUp(stored.id()));
            return new ClientDetails(stored, stored.effectiveMode(msp.defaultMode()));
        });
    }
}
