package dev.steward.application.prompt;

import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptText;
import jakarta.inject.Inject;
import java.time.Clock;

public final class EditClientPromptService implements EditClientPromptUseCase {

    private final CommandValidator validator;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public EditClientPromptService(CommandValidator validator, ClientRepository clients, MspRepository msps,
                                   Clock clock, UnitOfWork unitOfWork) {
        this.validator = validator;
        this.clients = clients;
        this.msps = msps;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ClientDetails edit(EditClientPromptCommand command) {
        Violations violations = validator.check(command);
        PromptText prompt = violations.attempt(() -> PromptText.of(command.prompt()));
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Msp msp = ClientLookup.requireMsp(msps, command.msp());
            Client stored = ClientLookup.change(clients, msp.id(), command.slug(), command.expectedVersion(),
                    client -> client.withPrompt(prompt, clock.instant()));
            return new ClientDetails(stored, stored.effectiveMode(msp.defaultMode()));
        });
    }
}
