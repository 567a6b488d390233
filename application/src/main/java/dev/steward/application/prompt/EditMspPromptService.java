package dev.steward.application.prompt;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.client.ClientReconfiguration;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptText;
import jakarta.inject.Inject;
import java.time.Clock;

public final class EditMspPromptService implements EditMspPromptUseCase {

    private final CommandValidator validator;
    private final MspRepository msps;
    private final ClientRepository clients;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public EditMspPromptService(CommandValidator validator, MspRepository msps, ClientRepository clients,
                                Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.msps = msps;
        this.clients = clients;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Msp edit(EditMspPromptCommand command) {
        Violations violations = validator.check(command);
        PromptText prompt = violations.attempt(() -> PromptText.of(command.prompt()));
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, command.msp());
            ClientLookup.checkExpectedVersion("MSP settings", command.expectedVersion(), msp.version());
            if (msp.prompt().equals(prompt)) {
                return msp;
            }
            Msp stored = msps.update(msp.withPrompt(prompt));
            ClientReconfiguration.reconfigureLive(clients, msp.id(), client -> true, "MSP prompt", clock.instant());
            return stored;
        });
    }
}
