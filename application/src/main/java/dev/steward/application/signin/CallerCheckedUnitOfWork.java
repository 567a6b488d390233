package dev.steward.application.signin;

import dev.steward.application.port.access.ApiTokenRepository;
import dev.steward.application.port.access.WebSessionRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.NotSignedIn;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The store's unit of work, plus one rule for requests that change something: the first thing each such transaction
 * does is look the caller's credential up again, inside the transaction, where the store keeps it from being revoked
 * or signed out until the transaction ends. A token revoked on any instance is therefore refused for the next write
 * at once, however recently some instance saw it valid ({@link RecentCallers} keeps reads fast; writes do not trust
 * it). Without a bound credential (background work, reads, sign-in) it is the store's unit of work unchanged.
 */
public final class CallerCheckedUnitOfWork implements UnitOfWork {

    /** The name the store's own unit of work is bound under, for this class to wrap. */
    public static final String STORE = "store";

    private final UnitOfWork store;
    private final ChangingCaller caller;
    private final ApiTokenRepository tokens;
    private final WebSessionRepository sessions;
    private final Clock clock;
    private final ThreadLocal<Boolean> open = new ThreadLocal<>();

    @Inject
    public CallerCheckedUnitOfWork(@Named(STORE) UnitOfWork store, ChangingCaller caller, ApiTokenRepository tokens,
                                   WebSessionRepository sessions, Clock clock) {
        this.store = store;
        this.caller = caller;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (open.get() != null || caller.current().isEmpty()) {
            return store.inTransaction(work);
        }
        ChangingCaller.Credential credential = caller.current().get();
        open.set(Boolean.TRUE);
        try {
            return store.inTransaction(() -> {
                boolean valid = switch (credential) {
                    case ChangingCaller.Credential.ApiToken token -> tokens.findActive(token.hash()).isPresent();
                    case ChangingCaller.Credential.Session session ->
                            sessions.find(session.hash(), clock.instant()).isPresent();
                };
                if (!valid) {
                    throw new NotSignedIn(switch (credential) {
                        case ChangingCaller.Credential.ApiToken token -> "the API token is unknown or revoked";
                        case ChangingCaller.Credential.Session session -> "the session has ended; sign in again";
                    });
                }
                return work.get();
            });
        } finally {
            open.remove();
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        store.afterCommit(action);
    }
}
