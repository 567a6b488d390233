package dev.steward.application.verification;

import dev.steward.domain.verification.IdentityVerification;
import java.util.Objects;
import java.util.Optional;

/**
 * What an approval request's call needs of the requester's identity: whether its tool is sensitive, who the requester
 * is, and the verification of that requester in the session, if there is one.
 */
public record IdentityStatus(boolean sensitive, String requester, Optional<IdentityVerification> verified) {

    public IdentityStatus {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(verified, "verified");
    }
}
