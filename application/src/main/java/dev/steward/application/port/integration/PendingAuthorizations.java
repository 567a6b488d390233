package dev.steward.application.port.integration;

import dev.steward.application.stability.Stable;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorizations started in a browser and not yet finished, kept (secrets encrypted at rest) so that the person may
 * come back to any control plane of the installation. Each is taken once: whoever takes it first gets it, and no one
 * gets it after it expired. ({@code PendingAuthorizationsContract}.)
 */
@Stable
public interface PendingAuthorizations {

    /** Keeps an authorization until it is taken or expires. */
    void save(PendingAuthorization pending);

    /**
     * The authorization with this state, removed so that no one takes it again; empty if there is none, it was
     * taken, or it expired before {@code now} (an expired one is forgotten too).
     */
    Optional<PendingAuthorization> take(String state, Instant now);
}
