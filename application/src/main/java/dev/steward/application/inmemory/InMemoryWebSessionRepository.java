package dev.steward.application.inmemory;

import dev.steward.application.port.access.WebSession;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Browser sessions in memory (lost on restart), for tests and embedding. */
public final class InMemoryWebSessionRepository implements WebSessionRepository {

    private final Map<String, WebSession> byHash = new ConcurrentHashMap<>();

    @Inject
    public InMemoryWebSessionRepository() {
    }

    @Override
    public void add(WebSession session) {
        byHash.put(session.tokenHash(), session);
    }

    @Override
    public Optional<WebSession> find(String tokenHash, Instant now) {
        return Optional.ofNullable(byHash.get(tokenHash)).filter(s -> s.liveAt(now));
    }

    @Override
    public void touch(String tokenHash, Instant at) {
        byHash.computeIfPresent(tokenHash, (hash, s) -> at.isAfter(s.lastSeenAt())
                ? new WebSession(s.tokenHash(), s.user(), s.csrfToken(), s.createdAt(), s.expiresAt(), at) : s);
    }

    @Override
    public void remove(String tokenHash) {
        byHash.remove(tokenHash);
    }

    @Override
    public void removeAllOf(UserId user) {
        byHash.values().removeIf(s -> s.user().equals(user));
    }

    @Override
    public int removeExpired(Instant now) {
        int before = byHash.size();
        byHash.values().removeIf(s -> !s.liveAt(now));
        return Math.max(0, before - byHash.size());
    }
}
