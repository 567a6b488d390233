package dev.steward.application.inmemory;

import dev.steward.application.port.access.UserRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in memory, for tests and embedding. */
public final class InMemoryUserRepository implements UserRepository {

    private record Link(UserId user, Instant expiresAt) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<UserId, User> byId = new LinkedHashMap<>();
    private final Map<String, Link> links = new HashMap<>();

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

    @Override
    public synchronized User update(User user) {
        User before = byId.get(user.id());
        if (before == null) {
            throw new NotFound("user", user.id().toString());
        }
        boolean hadAdmin = byId.values().stream().anyMatch(u -> u.msp().equals(before.msp()) && u.activeAdmin());
        boolean keepsAdmin = user.activeAdmin() || byId.values().stream()
                .anyMatch(u -> u.msp().equals(before.msp()) && u.activeAdmin() && !u.id().equals(user.id()));
        if (hadAdmin && !keepsAdmin) {
            throw Conflict.lastAdmin();
        }
        User saved = new User(before.id(), before.msp(), before.email(), user.role(), user.passwordHash(),
                before.createdAt(), user.disabledAt());
        byId.put(saved.id(), saved);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.put(before.id(), before);
            }
        });
        return saved;
    }

    @Override
    public synchronized void addPasswordLink(String secretHash, UserId user, Instant expiresAt) {
        links.values().removeIf(link -> link.user().equals(user));
        links.put(secretHash, new Link(user, expiresAt));
    }

    @Override
    public synchronized Optional<UserId> findPasswordLink(String secretHash, Instant now) {
        return Optional.ofNullable(links.get(secretHash)).filter(link -> now.isBefore(link.expiresAt()))
                .map(Link::user);
    }

    @Override
    public synchronized Optional<UserId> takePasswordLink(String secretHash, Instant now) {
        Optional<UserId> user = findPasswordLink(secretHash, now);
        links.remove(secretHash);
        return user;
    }
}
