package dev.steward.application.signin;

import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.UserId;
import java.util.List;
import java.util.UUID;

/** Per-MSP API tokens for programs calling the REST API: issue (secret shown once), list, revoke. */
public interface ApiTokensUseCase {

    /** @throws dev.steward.domain.problem.InvalidValue ({@code name}) if the name is blank or too long */
    IssuedApiToken issue(MspId msp, UserId issuedBy, String name);

    /** The MSP's tokens, revoked ones included, newest first. */
    List<ApiToken> list(MspId msp);

    /**
     * Revokes at once; revoking again is harmless.
     *
     * @throws dev.steward.application.problem.NotFound if the MSP has no such token
     */
    ApiToken revoke(MspId msp, UUID id);
}
