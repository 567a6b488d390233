package dev.steward.application.usage;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.application.problem.CommandValidator;
import dev.steward.domain.usage.TokenBudget;
import jakarta.inject.Inject;
import java.util.Optional;

public final class SetTokenBudgetService implements SetTokenBudgetUseCase {

    private final CommandValidator validator;
    private final MspRepository msps;
    private final ClientRepository clients;
    private final TokenLedger ledger;

    @Inject
    public SetTokenBudgetService(CommandValidator validator, MspRepository msps, ClientRepository clients,
                                 TokenLedger ledger) {
        this.validator = validator;
        this.msps = msps;
        this.clients = clients;
        this.ledger = ledger;
    }

    @Override
    public Optional<TokenBudget> set(SetTokenBudgetCommand command) {
        validator.check(command).throwIfAny();
        ClientLookup.requireMsp(msps, command.msp());
        Optional<TokenBudget> budget = command.monthlyTokens().map(TokenBudget::new);
        if (command.client().isPresent()) {
            ledger.setClientBudget(ClientLookup.require(clients, command.msp(), command.client().get()).id(), budget);
        } else {
            ledger.setMspDefault(command.msp(), budget);
        }
        return budget;
    }
}
