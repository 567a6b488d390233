package dev.steward.adapter.persistence;

import dev.steward.application.port.client.MspRepository;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL MSP store with a one-second copy of MSP reads by id outside transactions (every client read also
 * reads its MSP for the default mode). Reads inside a unit of work always go to the database.
 */
public final class CachedMspRepository implements MspRepository {

    private final JdbiMspRepository database;
    private final JdbiUnitOfWork unitOfWork;
    private final RecentReads<MspId, Msp> byId;

    @Inject
    public CachedMspRepository(JdbiMspRepository database, JdbiUnitOfWork unitOfWork, Clock clock) {
        this.database = database;
        this.unitOfWork = unitOfWork;
        this.byId = new RecentReads<>(clock, CachedClientRepository.TTL, 10_000);
    }

    @Override
    public Optional<Msp> find(MspId id) {
        return unitOfWork.inTransaction() ? database.find(id) : byId.get(id, () -> database.find(id));
    }

    @Override
    public Msp add(Msp msp) {
        return forgettingAfterCommit(database.add(msp));
    }

    @Override
    public Msp update(Msp msp) {
        return forgettingAfterCommit(database.update(msp));
    }

    private Msp forgettingAfterCommit(Msp written) {
        unitOfWork.afterCommit(() -> byId.forget(written.id()));
        return written;
    }

    @Override
    public List<Msp> list() {
        return database.list();
    }
}
