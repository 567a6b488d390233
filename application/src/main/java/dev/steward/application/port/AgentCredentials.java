package dev.steward.application.port;

import dev.steward.domain.client.ClientId;
import java.util.Optional;

/**
 * Per-agent bearer tokens, the only credential an agent ever holds. Stored hashed: a token is shown once, when issued,
 * and can only be verified afterwards. ({@code AgentCredentialsContract}.)
 */
public interface AgentCredentials {

    /** Issues a new token for the client's agent; any earlier token of that client stops working. */
    String issue(ClientId client);

    /** The client whose current token this is; empty for an unknown, replaced or revoked token. */
    Optional<ClientId> verify(String token);

    /** Revokes the client's token at once; succeeds when there is none. */
    void revoke(ClientId client);
}
