package dev.steward.application.port.verification;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.verification.IdentityVerification;
import dev.steward.domain.verification.IdentityVerification.Result;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link IdentityVerifications} must pass this: one test per rule of the port's Javadoc. */
public abstract class IdentityVerificationsContract extends StoreContractSupport {

    protected abstract IdentityVerifications verifications();

    @Test
    void keepsEveryAttemptOfASessionOldestFirst() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        UUID session = UUID.randomUUID();
        IdentityVerification denied = IdentityVerification.pushed("duo", Result.DENIED, UUID.randomUUID(), msp,
                client, session, "dana@contoso.example", T0);
        IdentityVerification confirmed = IdentityVerification.confirmedBy("tech@northwind.example",
                UUID.randomUUID(), msp, client, session, "dana@contoso.example", T0.plusSeconds(60));
        IdentityVerification elsewhere = IdentityVerification.pushed("duo", Result.VERIFIED, UUID.randomUUID(), msp,
                client, UUID.randomUUID(), "dana@contoso.example", T0.plusSeconds(30));

        verifications().record(confirmed);
        verifications().record(elsewhere);
        verifications().record(denied);

        assertThat(verifications().ofSession(msp, session)).containsExactly(denied, confirmed);
        assertThat(verifications().ofSession(msp, UUID.randomUUID())).isEmpty();
    }

    @Test
    void neverListsAnotherMspsAttempts() {
        MspId msp = storedMsp();
        UUID session = UUID.randomUUID();
        verifications().record(IdentityVerification.pushed("duo", Result.VERIFIED, UUID.randomUUID(), msp,
                storedClient(msp).id(), session, "dana@contoso.example", T0));

        assertThat(verifications().ofSession(storedMsp(), session)).isEmpty();
    }
}
