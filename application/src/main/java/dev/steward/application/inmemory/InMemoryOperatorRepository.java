package dev.steward.application.inmemory;

import dev.steward.application.port.access.OperatorRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.operator.Operator;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Operators in memory, for tests and embedding. */
public final class InMemoryOperatorRepository implements OperatorRepository {

    private final Map<UUID, Operator> byId = new HashMap<>();
    private final Map<String, UUID> idByHash = new HashMap<>();

    @Inject
    public InMemoryOperatorRepository() {
    }

    @Override
    public synchronized void add(Operator operator, String secretHash) {
        if (byId.containsKey(operator.id()) || idByHash.containsKey(secretHash)) {
            throw Conflict.of("operator.exists", "this operator or credential exists already");
        }
        byId.put(operator.id(), operator);
        idByHash.put(secretHash, operator.id());
    }

    @Override
    public synchronized Optional<Operator> findActive(String secretHash) {
        return Optional.ofNullable(idByHash.get(secretHash)).map(byId::get).filter(Operator::active);
    }

    @Override
    public synchronized List<Operator> list() {
        return byId.values().stream().sorted(Comparator.comparing(Operator::createdAt)
                .thenComparing(Operator::id)).toList();
    }
}
