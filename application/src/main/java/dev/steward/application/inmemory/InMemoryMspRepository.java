package dev.steward.application.inmemory;

import dev.steward.application.port.client.MspRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MSPs in memory, for tests and embedding. */
public final class InMemoryMspRepository implements MspRepository {

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<MspId, Msp> byId = new LinkedHashMap<>();

    @Inject
    public InMemoryMspRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized Msp add(Msp msp) {
        if (byId.containsKey(msp.id())) {
            throw Conflict.of("msp.exists", "an MSP with id " + msp.id() + " already exists");
        }
        Msp stored = msp.atVersion(1);
        byId.put(msp.id(), stored);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.remove(msp.id());
            }
        });
        return stored;
    }

    @Override
    public synchronized Optional<Msp> find(MspId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<Msp> list() {
        return byId.values().stream().sorted(Comparator.comparing(Msp::createdAt)).toList();
    }

    @Override
    public synchronized Msp update(Msp msp) {
        Msp stored = byId.get(msp.id());
        if (stored == null) {
            throw new NotFound("msp", msp.id().toString());
        }
        if (stored.version() != msp.version()) {
            throw Conflict.staleVersion("MSP settings", msp.version(), stored.version());
        }
        Msp next = msp.atVersion(stored.version() + 1);
        byId.put(msp.id(), next);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.put(msp.id(), stored);
            }
        });
        return next;
    }
}
