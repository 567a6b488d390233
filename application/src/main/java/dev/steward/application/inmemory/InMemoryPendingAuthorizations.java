package dev.steward.application.inmemory;

import dev.steward.application.port.integration.PendingAuthorization;
import dev.steward.application.port.integration.PendingAuthorizations;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pending authorizations in a map: removing an entry is the one atomic step that takes it. */
public final class InMemoryPendingAuthorizations implements PendingAuthorizations {

    private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

    @Override
    public void save(PendingAuthorization authorization) {
        pending.put(authorization.state(), authorization);
    }

    @Override
    public Optional<PendingAuthorization> take(String state, Instant now) {
        pending.values().removeIf(p -> p.expiresAt().isBefore(now));
        return Optional.ofNullable(pending.remove(state)).filter(p -> !p.expiresAt().isBefore(now));
    }
}
