package dev.steward.adapter.web.api;

import dev.steward.domain.verification.IdentityVerification;
import java.time.Instant;

/** A recorded identity verification: whose, how, with what result, by whom and when (never a push's details). */
public record IdentityVerificationJson(String session, String requester, String method, String result, String by,
                                       Instant at) {

    public static IdentityVerificationJson from(IdentityVerification v) {
        return new IdentityVerificationJson(v.session().toString(), v.requester(), v.method().label(),
                v.result().name().toLowerCase(java.util.Locale.ROOT), v.by(), v.at());
    }
}
