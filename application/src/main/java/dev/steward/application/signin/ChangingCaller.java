package dev.steward.application.signin;

import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The credential of a request that changes something, bound to the thread serving it from sign-in until the request
 * ends, so that {@link CallerCheckedUnitOfWork} can re-check it inside every transaction the request opens. One
 * instance per process; a thread serves one request at a time.
 */
public final class ChangingCaller {

    /** What the request signed in with: the hash of an API token or of a session token. */
    public sealed interface Credential {
        String hash();

        record ApiToken(String hash) implements Credential {}

        record Session(String hash) implements Credential {}
    }

    private final ThreadLocal<Credential> current = new ThreadLocal<>();

    @Inject
    public ChangingCaller() {
    }

    void bind(Credential credential) {
        current.set(credential);
    }

    void release() {
        current.remove();
    }

    Optional<Credential> current() {
        return Optional.ofNullable(current.get());
    }
}
