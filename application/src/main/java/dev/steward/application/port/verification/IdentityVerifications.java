package dev.steward.application.port.verification;

import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.verification.IdentityVerification;
import java.util.List;
import java.util.UUID;

/**
 * The identity verifications of sessions, kept so that a sensitive tool runs only for a requester verified in its
 * session (also after a restart). Rules ({@code IdentityVerificationsContract}): every recorded attempt is kept and
 * listed oldest first; another MSP's are never listed.
 */
@Stable
public interface IdentityVerifications {

    void record(IdentityVerification verification);

    /** The session's attempts, oldest first. */
    List<IdentityVerification> ofSession(MspId msp, UUID session);
}
