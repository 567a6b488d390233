package dev.steward.application.spi;

import dev.steward.application.stability.Stable;
import dev.steward.domain.verification.IdentityVerification;

/**
 * A connection's way to verify a requester before a sensitive action, e.g. a Duo push to their phone. It finds the
 * requester in its own system (by e-mail address or user name), asks them, and waits for the answer within its own
 * bound. Only the outcome leaves it: no device, transaction id or message reaches the core.
 */
@Stable
public interface IdentityVerifier {

    /**
     * @param requester the session's requester, as the channel names them (usually an e-mail address)
     * @param context a short line the requester sees with the push (e.g. the ticket), no secrets
     * @return {@code VERIFIED} when they confirmed; {@code DENIED}, {@code TIMED_OUT} or {@code NOT_ENROLLED} (no
     *     device that can confirm, or unknown to the system) otherwise; never {@code FAILED}
     * @throws dev.steward.application.problem.PortFailure if the service could not be asked
     */
    IdentityVerification.Result verify(String requester, String context);
}
