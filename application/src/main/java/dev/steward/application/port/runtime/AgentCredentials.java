package dev.steward.application.port.runtime;

import dev.steward.application.stability.Stable;
import dev.steward.domain.client.ClientId;
import java.util.Optional;

/**
 * Per-agent credentials, the only secret an agent ever holds. A runtime starts an agent with a one-time
 * <b>bootstrap token</b> ({@link #issue}); the agent exchanges it at first contact for its <b>session token</b>
 * ({@link #exchange}), which it then sends with every call. So what a runtime put in the agent's environment (and what
 * {@code docker inspect} shows) is spent by the time anyone can read it. Both are stored hashed: a token is shown
 * once, when issued, and can only be verified afterwards. ({@code AgentCredentialsContract}.)
 */
@Stable
public interface AgentCredentials {

    /** Prefix of a bootstrap token; a session token starts with {@code stw_}. */
    String BOOTSTRAP_PREFIX = "stb_";

    /**
     * Issues a new bootstrap token for the client's agent; any earlier bootstrap or session token of that client stops
     * working. A bootstrap token verifies as nobody: only {@link #exchange} takes it.
     */
    String issue(ClientId client);

    /**
     * Trades the client's current bootstrap token for a new session token, once: a second exchange of the same
     * bootstrap token, or of a replaced or revoked one, gives nothing (and leaves the session token alone).
     */
    Optional<String> exchange(String bootstrapToken);

    /** The client whose current session token this is; empty for an unknown, replaced or revoked token. */
    Optional<ClientId> verify(String token);

    /** Revokes the client's tokens at once; succeeds when there are none. */
    void revoke(ClientId client);
}
