package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.TokenLedger;
import dev.steward.application.port.reasoning.TokenLedgerContract;
import dev.steward.application.port.store.UnitOfWork;

class JdbiTokenLedgerIT extends TokenLedgerContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiTokenLedger ledger = new JdbiTokenLedger(stores.unitOfWork());

    @Override
    protected MspRepository msps() {
        return stores.msps();
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }

    @Override
    protected TokenLedger ledger() {
        return ledger;
    }
}
