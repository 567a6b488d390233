package dev.steward.application.inmemory;

import dev.steward.application.port.ApprovalRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Approval requests in memory, for tests and embedding. */
public final class InMemoryApprovalRepository implements ApprovalRepository {

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<UUID, ApprovalRequest> byId = new HashMap<>();

    @Inject
    public InMemoryApprovalRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized void add(ApprovalRequest request) {
        if (byId.containsKey(request.id())) {
            throw Conflict.of("approval.exists", "approval request " + request.id() + " already exists");
        }
        byId.put(request.id(), request);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.remove(request.id());
            }
        });
    }

    @Override
    public synchronized Optional<ApprovalRequest> find(MspId msp, UUID id) {
        return Optional.ofNullable(byId.get(id)).filter(a -> a.msp().equals(msp));
    }

    @Override
    public synchronized List<ApprovalRequest> pending(MspId msp, Optional<ClientId> client) {
        return byId.values().stream()
                .filter(a -> a.msp().equals(msp) && a.isPending())
                .filter(a -> client.map(c -> c.equals(a.client())).orElse(true))
                .sorted(Comparator.comparing(ApprovalRequest::requestedAt))
                .toList();
    }

    @Override
    public synchronized ApprovalRequest decide(ApprovalRequest decided) {
        ApprovalRequest stored = byId.get(decided.id());
        if (stored == null || !stored.msp().equals(decided.msp())) {
            throw new NotFound("approval", decided.id().toString());
        }
        if (!stored.isPending()) {
            throw Conflict.of("approval.already-decided", "this approval request was already decided");
        }
        byId.put(decided.id(), decided);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.put(decided.id(), stored);
            }
        });
        return decided;
    }
}
