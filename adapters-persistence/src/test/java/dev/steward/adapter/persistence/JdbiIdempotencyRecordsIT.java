package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.IdempotencyRecords;
import dev.steward.application.port.store.IdempotencyRecordsContract;
import dev.steward.application.port.store.UnitOfWork;

class JdbiIdempotencyRecordsIT extends IdempotencyRecordsContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiIdempotencyRecords records = new JdbiIdempotencyRecords(stores.unitOfWork());

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
    protected IdempotencyRecords records() {
        return records;
    }
}
