package dev.steward.application.port.psa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.MspId;
import org.junit.jupiter.api.Test;

/** Every {@link TicketSystems} must pass this. */
public abstract class TicketSystemsContract {

    protected abstract TicketSystems systems();

    /** An MSP with a PSA of {@link #connectedKind()} connected. */
    protected abstract MspId anMspWithAConnectedPsa();

    protected abstract String connectedKind();

    @Test
    void findsTheConnectedPsaByKind() {
        assertThat(systems().of(anMspWithAConnectedPsa(), connectedKind()).kind()).isEqualTo(connectedKind());
    }

    @Test
    void aKindTheMspHasNotConnectedIsNotFound() {
        assertThatThrownBy(() -> systems().of(anMspWithAConnectedPsa(), "not-connected"))
                .isInstanceOf(NotFound.class).hasMessageContaining("not-connected");
    }

    @Test
    void anotherMspsPsaIsNotFound() {
        anMspWithAConnectedPsa();
        assertThatThrownBy(() -> systems().of(Fixtures.uniqueMspId(), connectedKind())).isInstanceOf(NotFound.class);
    }

    @Test
    void saysWhichKindsAreConnectedForWhichMsp() {
        MspId msp = anMspWithAConnectedPsa();

        assertThat(systems().connected(msp, connectedKind())).isTrue();
        assertThat(systems().connected(msp, "not-connected")).isFalse();
        assertThat(systems().connected(Fixtures.uniqueMspId(), connectedKind())).isFalse();
    }
}
