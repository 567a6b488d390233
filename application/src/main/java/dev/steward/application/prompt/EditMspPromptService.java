package dev.steward.application.prompt;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.ClientQuery;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptText;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
            Optional<Slug> after = Optional.empty();
            while (true) {
                List<Client> page = clients.list(new ClientQuery(msp.id(), Optional.empty(), Optional.empty(), after,
                        ClientQuery.MAX_LIMIT));
                for (Client client : page) {
                    if (!client.isDestroyed()) {
                        clients.update(client.reconfigured("MSP prompt", clock.instant()));
                    }
                }
                if (page.size() < ClientQuery.MAX_LIMIT) {
                    return stored;
                }
                after = Optional.of(page.getLast().slug());
            }
        });
    }
}
