package dev.steward.application.inmemory;

import dev.steward.application.port.UserRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in memory, for tests and embedding. */
public final class InMemoryUserRepository implements UserRepository {

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<UserId, User> byId = new LinkedHashMap<>();

    @Inject
    public InMemoryUserRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized User add(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw Conflict.emailTaken(user.email().value());
        }
        byId.put(user.id(), user);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.remove(user.id());
            }
        });
        return user;
    }

    @Override
    public synchronized Optional<User> find(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<User> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public synchronized List<User> list(MspId msp) {
        return byId.values().stream().filter(u -> u.msp().equals(msp))
                .sorted(Comparator.comparing(u -> u.email().value())).toList();
    }

    @Override
    public synchronized boolean any() {
        return !byId.isEmpty();
    }
}
