package dev.steward.application.port.verification;

import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.verification.IdentityVerification;
import java.util.Optional;

/**
 * Asks a requester to confirm their identity through the MSP's verification integration (a Duo push), for the tool
 * gateway. Rules ({@code IdentityPushesContract}): only an MSP-wide integration of the MSP that can push is used;
 * without one nothing is sent.
 */
@Stable
public interface IdentityPushes {

    /** The kind of the MSP's integration that pushes (e.g. {@code duo}), if one is live. */
    Optional<String> available(MspId msp);

    /**
     * Pushes and waits for the answer (bounded by the integration).
     *
     * @throws dev.steward.application.problem.NotFound ({@code identity verification}) if the MSP has none
     * @throws dev.steward.application.problem.PortFailure if the service could not be asked
     */
    IdentityVerification.Result push(MspId msp, String requester, String context);
}
