package dev.steward.adapter.persistence;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.TokenLedger;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.testkit.TokenLedgerContract;

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
