package dev.steward.application.verification;

import dev.steward.domain.msp.MspId;

/** Capability: whether an approval's call needs a verified requester, and whether the requester is verified. */
public interface GetIdentityStatusUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no such approval request */
    IdentityStatus status(MspId msp, String approval);
}
