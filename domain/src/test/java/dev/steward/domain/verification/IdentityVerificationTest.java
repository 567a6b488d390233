package dev.steward.domain.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.verification.IdentityVerification.Result;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityVerificationTest {

    private static final MspId MSP = new MspId(UUID.randomUUID());
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());
    private static final UUID SESSION = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-22T09:30:00Z");

    private static IdentityVerification pushed(Result result) {
        return IdentityVerification.pushed("duo", result, UUID.randomUUID(), MSP, CLIENT, SESSION,
                "dana@contoso.example", AT);
    }

    @Test
    void onlyAVerifiedAttemptVerifiesAndOnlyItsOwnSessionAndRequester() {
        IdentityVerification allowed = pushed(Result.VERIFIED);

        assertThat(allowed.verifies(SESSION, "DANA@contoso.example ")).isTrue();
        assertThat(allowed.verifies(UUID.randomUUID(), "dana@contoso.example")).as("another session").isFalse();
        assertThat(allowed.verifies(SESSION, "sam@contoso.example")).as("another requester").isFalse();
        assertThat(allowed.verifies(SESSION, null)).isFalse();
        for (Result other : new Result[] {Result.DENIED, Result.TIMED_OUT, Result.NOT_ENROLLED, Result.FAILED}) {
            assertThat(pushed(other).verifies(SESSION, "dana@contoso.example")).as(other.label()).isFalse();
        }
    }

    @Test
    void aTechniciansConfirmationVerifiesAndNamesTheTechnician() {
        IdentityVerification confirmed = IdentityVerification.confirmedBy("tech@northwind.example",
                UUID.randomUUID(), MSP, CLIENT, SESSION, "dana@contoso.example", AT);

        assertThat(confirmed.verifies(SESSION, "dana@contoso.example")).isTrue();
        assertThat(confirmed.summary()).isEqualTo("identity of dana@contoso.example confirmed by tech@northwind.example");
        assertThat(pushed(Result.TIMED_OUT).summary())
                .isEqualTo("identity of dana@contoso.example could not be verified by a duo push: timed out");
        assertThat(pushed(Result.VERIFIED).summary()).isEqualTo("identity of dana@contoso.example verified by a duo push");
    }

    @Test
    void anUnknownRequesterCannotBeVerified() {
        assertThatThrownBy(() -> IdentityVerification.confirmedBy("tech@northwind.example", UUID.randomUUID(), MSP,
                CLIENT, SESSION, " ", AT)).isInstanceOf(InvalidValue.class).hasMessageStartingWith("requester is required");
        assertThatThrownBy(() -> IdentityVerification.confirmedBy(" ", UUID.randomUUID(), MSP, CLIENT, SESSION,
                "dana@contoso.example", AT)).isInstanceOf(InvalidValue.class).hasMessage("by is required");
    }
}
