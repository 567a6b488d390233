package dev.steward.application.inmemory;

import dev.steward.application.port.RunbookId;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Runbooks in memory, for tests and embedding. */
public final class InMemoryRunbookStore implements RunbookStore {

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<RunbookId, StoredRunbook> byId = new HashMap<>();

    @Inject
    public InMemoryRunbookStore(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized StoredRunbook save(StoredRunbook runbook) {
        Optional<StoredRunbook> sameName = byId.values().stream()
                .filter(r -> r.sameScopeAs(runbook) && r.name().equals(runbook.name())).findFirst();
        StoredRunbook sameId = byId.get(runbook.id());
        if (sameName.isPresent() && sameId != null && !sameName.get().id().equals(runbook.id())) {
            throw Conflict.of("runbook.exists", "a runbook named " + runbook.name() + " exists here already");
        }
        RunbookId id = sameName.map(StoredRunbook::id).orElse(runbook.id());
        StoredRunbook previous = byId.get(id);
        if (previous != null && !previous.sameScopeAs(runbook)) {
            throw Conflict.of("runbook.exists", "runbook " + id + " belongs to another scope");
        }
        StoredRunbook stored = new StoredRunbook(id, runbook.msp(), runbook.client(), runbook.runbook(),
                runbook.updatedAt());
        byId.put(id, stored);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                if (previous == null) {
                    byId.remove(id);
                } else {
                    byId.put(id, previous);
                }
            }
        });
        return stored;
    }

    @Override
    public synchronized Optional<StoredRunbook> find(MspId msp, RunbookId id) {
        return Optional.ofNullable(byId.get(id)).filter(r -> r.msp().equals(msp));
    }

    @Override
    public synchronized List<StoredRunbook> list(MspId msp, Optional<ClientId> client) {
        return byId.values().stream().filter(r -> r.msp().equals(msp) && r.client().equals(client))
                .sorted(Comparator.comparing(StoredRunbook::name)).toList();
    }

    @Override
    public synchronized void remove(MspId msp, RunbookId id) {
        StoredRunbook stored = byId.get(id);
        if (stored != null && stored.msp().equals(msp)) {
            byId.remove(id);
            unitOfWork.onRollback(() -> {
                synchronized (this) {
                    byId.put(id, stored);
                }
            });
        }
    }

    @Override
    public synchronized List<StoredRunbook> forRequest(MspId msp, ClientId client) {
        return Stream.concat(list(msp, Optional.of(client)).stream(), list(msp, Optional.empty()).stream()).toList();
    }
}
