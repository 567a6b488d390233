package dev.steward.application.port.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.verification.IdentityPushes;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.verification.IdentityVerification.Result;
import org.junit.jupiter.api.Test;

/** Every {@link IdentityPushes} must pass this: one test per rule of the port's Javadoc. */
public abstract class IdentityPushesContract {

    protected abstract IdentityPushes pushes();

    /** An MSP whose verification integration answers {@link #allowed()} by confirming and anyone else by denying. */
    protected abstract MspId anMspWithAVerificationIntegration();

    /** A requester who confirms the push. */
    protected abstract String allowed();

    @Test
    void pushesThroughTheMspsIntegrationAndReportsTheAnswer() {
        MspId msp = anMspWithAVerificationIntegration();

        assertThat(pushes().available(msp)).isPresent();
        assertThat(pushes().push(msp, allowed(), "Helpdesk request 51001")).isEqualTo(Result.VERIFIED);
        assertThat(pushes().push(msp, "someone.else@contoso.example", "Helpdesk request 51001"))
                .isNotEqualTo(Result.VERIFIED);
    }

    @Test
    void sendsNothingForAnMspWithoutOne() {
        anMspWithAVerificationIntegration();
        MspId other = Fixtures.uniqueMspId();

        assertThat(pushes().available(other)).isEmpty();
        assertThatThrownBy(() -> pushes().push(other, allowed(), "Helpdesk request 51001"))
                .isInstanceOf(NotFound.class);
    }
}
