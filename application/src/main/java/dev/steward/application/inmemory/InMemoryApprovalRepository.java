package dev.steward.application.inmemory;

import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Approval requests in memory, for tests and embedding. The original arguments are kept beside the request as given
 * (memory is not "at rest"; the PostgreSQL store seals them).
 */
public final class InMemoryApprovalRepository implements ApprovalRepository {

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<UUID, ApprovalRequest> byId = new HashMap<>();
    private final Map<UUID, Map<String, String>> arguments = new HashMap<>();

    @Inject
    public InMemoryApprovalRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized void add(ApprovalRequest request, Map<String, String> original) {
        if (!request.isPending()) {
            throw new IllegalArgumentException("a new approval request is pending");
        }
        if (byId.containsKey(request.id())) {
            throw Conflict.of("approval.exists", "approval request " + request.id() + " already exists");
        }
        byId.put(request.id(), request);
        arguments.put(request.id(), Map.copyOf(original));
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.remove(request.id());
                arguments.remove(request.id());
            }
        });
    }

    @Override
    public synchronized Optional<Map<String, String>> arguments(MspId msp, UUID id) {
        return find(msp, id).map(request -> arguments.get(request.id()));
    }

    @Override
    public synchronized List<ApprovalRequest> ofSession(MspId msp, UUID session) {
        return byId.values().stream().filter(a -> a.msp().equals(msp) && a.session().equals(session))
                .sorted(Comparator.comparing(ApprovalRequest::requestedAt).thenComparing(ApprovalRequest::id))
                .toList();
    }

    @Override
    public synchronized List<ApprovalRequest> pendingRequestedBefore(Instant cutoff, int limit) {
        return byId.values().stream().filter(a -> a.isPending() && !a.requestedAt().isAfter(cutoff))
                .sorted(Comparator.comparing(ApprovalRequest::requestedAt).thenComparing(ApprovalRequest::id))
                .limit(limit).toList();
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
