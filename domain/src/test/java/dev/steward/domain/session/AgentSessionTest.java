package dev.steward.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.session.AgentSession.Channel;
import dev.steward.domain.session.AgentSession.State;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentSessionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(90);

    private static AgentSession started() {
        return AgentSession.start(UUID.randomUUID(), new ClientId(UUID.randomUUID()), Channel.TICKET, "T-1001",
                "jane@acme.example", EffectiveMode.PLAN, 4, T0);
    }

    @Test
    void startsRunningWithTheModeAndConfigurationItBeganWith() {
        AgentSession session = started();

        assertThat(session.state()).isEqualTo(State.RUNNING);
        assertThat(session.mode()).isEqualTo(EffectiveMode.PLAN);
        assertThat(session.configVersion()).isEqualTo(4);
        assertThat(session.startedAt()).isEqualTo(T0);
        assertThat(session.endedAt()).isEmpty();
    }

    @Test
    void keepsItsModeWhileWaitingForApprovalAndWhenEnding() {
        AgentSession waiting = started().awaitingApproval();
        AgentSession done = waiting.ended(State.COMPLETED, T1);

        assertThat(waiting.state()).isEqualTo(State.AWAITING_APPROVAL);
        assertThat(waiting.endedAt()).isEmpty();
        assertThat(done.state()).isEqualTo(State.COMPLETED);
        assertThat(done.endedAt()).contains(T1);
        assertThat(done.mode()).isEqualTo(EffectiveMode.PLAN);
        assertThat(done.configVersion()).isEqualTo(4);
    }

    @Test
    void endsOnlyCompletedOrFailed() {
        assertThat(started().ended(State.FAILED, T1).state()).isEqualTo(State.FAILED);
        assertThatThrownBy(() -> started().ended(State.RUNNING, T1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> started().ended(State.AWAITING_APPROVAL, T1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunningSessionHasNoEnd() {
        AgentSession s = started();
        assertThatThrownBy(() -> new AgentSession(s.id(), s.client(), s.channel(), s.externalReference(),
                s.requester(), s.mode(), s.configVersion(), State.RUNNING, T0, Optional.of(T1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a running session has no end");
    }
}
