package dev.steward.application.signin;

import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Callers recently found for a credential (the hash of a session or API token), so that a client polling the API
 * costs no store read to authenticate. Sign-out and revocation on this instance forget the entry at once; another
 * control-plane instance notices within {@link #TTL} at most, which bounds how long a revoked token keeps working
 * there for reads; writes never trust a remembered caller ({@link CallerCheckedUnitOfWork}). Unknown credentials are
 * not remembered, so guessing fills nothing.
 */
public final class RecentCallers {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, Instant until) {}

    private final Clock clock;
    private final Map<String, Entry> byCredential = new ConcurrentHashMap<>();

    @Inject
    public RecentCallers(Clock clock) {
        this.clock = clock;
    }

    Optional<Caller> get(String credentialHash, Supplier<Optional<Caller>> load) {
        Instant now = clock.instant();
        Entry entry = byCredential.get(credentialHash);
        if (entry != null && now.isBefore(entry.until())) {
            return Optional.of(entry.caller());
        }
        return reload(credentialHash, load);
    }

    /** Loads the caller from the store whatever is remembered (for writes), and remembers the answer. */
    Optional<Caller> reload(String credentialHash, Supplier<Optional<Caller>> load) {
        Instant now = clock.instant();
        Optional<Caller> loaded = load.get();
        if (loaded.isPresent()) {
            if (byCredential.size() >= MAX_ENTRIES) {
                byCredential.values().removeIf(e -> !now.isBefore(e.until()));
                if (byCredential.size() >= MAX_ENTRIES) {
                    byCredential.clear();
                }
            }
            byCredential.put(credentialHash, new Entry(loaded.get(), now.plus(TTL)));
        } else {
            byCredential.remove(credentialHash);
        }
        return loaded;
    }

    void forget(String credentialHash) {
        byCredential.remove(credentialHash);
    }

    /** After a change that may affect any entry (a token revoked by id): forget everything of that MSP. */
    public void forgetAll(MspId msp) {
        byCredential.values().removeIf(e -> e.caller().msp().equals(msp));
    }
}
