package dev.steward.application.port.access;

import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-MSP API tokens, stored with the SHA-256 of their secret (tokens are 256 random bits, so a plain hash suffices
 * and lets every request be checked with one indexed lookup). ({@code ApiTokenRepositoryContract}.)
 */
@Stable
public interface ApiTokenRepository {

    void add(ApiToken token, String secretHash);

    /**
     * The token with this secret hash, unless it was revoked. In a store shared by several control planes, a token
     * found active inside a unit of work stays so until the work ends (a revocation made meanwhile waits for it), so a
     * write that checked its token first is never overtaken by the token's revocation.
     */
    Optional<ApiToken> findActive(String secretHash);

    /** The MSP's tokens, revoked ones included, newest first. */
    List<ApiToken> list(MspId msp);

    /**
     * Revokes the MSP's token at {@code at}; revoking it again keeps the first revocation time.
     *
     * @return the token as it is now, or empty if the MSP has no such token (another MSP's token is not found)
     */
    Optional<ApiToken> revoke(MspId msp, UUID id, Instant at);
}
