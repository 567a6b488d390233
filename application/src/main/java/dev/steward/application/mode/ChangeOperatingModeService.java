package dev.steward.application.mode;

import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.domain.client.Client;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.time.Clock;

public final class ChangeOperatingModeService implements ChangeOperatingModeUseCase {

    private final CommandValidator validator;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public ChangeOperatingModeService(CommandValidator validator, ClientRepository clients, MspRepository msps,
                                      Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.clients = clients;
        this.msps = msps;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ClientDetails change(ChangeOperatingModeCommand command) {
        Violations violations = validator.check(command);
        OperatingMode mode = violations.attempt(() -> OperatingMode.parse("mode", command.mode()));
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, command.msp());
            Client stored = ClientLookup.change(clients, msp.id(), command.slug(), command.expectedVersion(),
                    client -> client.withMode(mode, clock.instant()));
            return new ClientDetails(stored, stored.effectiveMode(msp.defaultMode()));
        });
    }
}
