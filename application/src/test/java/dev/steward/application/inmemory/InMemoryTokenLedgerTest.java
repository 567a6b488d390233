package dev.steward.application.inmemory;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.TokenLedger;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.TokenLedgerContract;

class InMemoryTokenLedgerTest extends TokenLedgerContract {

    private final InMemoryStores stores = new InMemoryStores();

    @Override
    protected MspRepository msps() {
        return stores.msps;
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork;
    }

    @Override
    protected TokenLedger ledger() {
        return stores.ledger;
    }
}
