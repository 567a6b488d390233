package dev.steward.application.signin;

import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Per-MSP API tokens for programs calling the REST API: issue (secret shown once), list, revoke. */
public interface ApiTokensUseCase {

    /** A token acting as a technician, or as the issuer if their role is lower; see the other {@code issue}. */
    IssuedApiToken issue(MspId msp, UserId issuedBy, String name);

    /**
     * Issues a token of {@code issuedBy}, acting with {@code role} ({@code admin}, {@code technician},
     * {@code viewer}; empty: technician, or the issuer's role if lower), which may not be above the issuer's.
     *
     * @throws dev.steward.application.problem.InvalidCommand naming {@code name} (blank or too long) and
     *     {@code role} (unknown, or above the issuer's)
     * @throws dev.steward.application.problem.NotFound if the MSP has no such user
     */
    IssuedApiToken issue(MspId msp, UserId issuedBy, String name, Optional<String> role);

    /** The MSP's tokens, revoked ones included, newest first. */
    List<ApiToken> list(MspId msp);

    /**
     * Revokes at once; revoking again is harmless.
     *
     * @throws dev.steward.application.problem.NotFound if the MSP has no such token
     */
    ApiToken revoke(MspId msp, UUID id);
}
