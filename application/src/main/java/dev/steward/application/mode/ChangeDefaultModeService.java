package dev.steward.application.mode;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.client.ClientReconfiguration;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

public final class ChangeDefaultModeService implements ChangeDefaultModeUseCase {

    private final CommandValidator validator;
    private final MspRepository msps;
    private final ClientRepository clients;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public ChangeDefaultModeService(CommandValidator validator, MspRepository msps, ClientRepository clients,
                                    Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.msps = msps;
        this.clients = clients;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Msp change(ChangeDefaultModeCommand command) {
        Violations violations = validator.check(command);
        EffectiveMode mode = violations.attempt(() -> EffectiveMode.parse("mode", command.mode()));
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, command.msp());
            ClientLookup.checkExpectedVersion("MSP settings", command.expectedVersion(), msp.version());
            if (msp.defaultMode() == mode) {
                return msp;
            }
            Msp stored = msps.update(msp.withDefaultMode(mode));
            reconfigureInheritingClients(stored, clock.instant());
            return stored;
        });
    }

    private void reconfigureInheritingClients(Msp msp, Instant at) {
        ClientReconfiguration.reconfigureLive(clients, msp.id(), client -> client.mode() == OperatingMode.INHERIT,
                "MSP default mode " + msp.defaultMode().label(), at);
    }
}
