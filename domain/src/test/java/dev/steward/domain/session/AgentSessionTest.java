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
        assertThatThrownBy(() -> started().ended(State.CLOSED, T1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompletedOrWaitingSessionResumesForNewWorkButAClosedOrFailedOneDoesNot() {
        assertThat(started().ended(State.COMPLETED, T1).resumed().state()).isEqualTo(State.RUNNING);
        assertThat(started().ended(State.COMPLETED, T1).resumed().endedAt()).isEmpty();
        assertThat(started().awaitingApproval().resumed().state()).isEqualTo(State.RUNNING);
        assertThatThrownBy(() -> started().closed(T1).resumed()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> started().ended(State.FAILED, T1).resumed()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClosedTicketEndsTheSessionForGoodKeepingAnEarlierEnd() {
        AgentSession closed = started().ended(State.COMPLETED, T1).closed(T1.plusSeconds(60));

        assertThat(closed.state()).isEqualTo(State.CLOSED);
        assertThat(closed.endedAt()).contains(T1);
        assertThat(closed.isOpen()).isFalse();
        assertThat(started().closed(T1).endedAt()).contains(T1);
    }

    @Test
    void aFailedSessionMayRestartOnlyWhileItsNoteNeverReachedTheTicket() {
        assertThat(started().ended(State.FAILED, T1).mayRestart()).isTrue();
        assertThat(started().withNotePosted().ended(State.FAILED, T1).mayRestart()).isFalse();
        assertThat(started().ended(State.COMPLETED, T1).mayRestart()).isFalse();
        assertThat(started().mayRestart()).isFalse();
    }

    @Test
    void remembersHowFarIntakeReadTheTicketsNotes() {
        NoteMark mark = new NoteMark(T1, "880001");

        assertThat(started().withNotesSeen(mark).notesSeen()).contains(mark);
        assertThat(started().withNotesSeen(mark).ended(State.COMPLETED, T1).notesSeen()).contains(mark);
    }

    @Test
    void aRunningSessionHasNoEnd() {
        AgentSession s = started();
        assertThatThrownBy(() -> new AgentSession(s.id(), s.client(), s.channel(), s.externalReference(),
                s.requester(), s.mode(), s.configVersion(), State.RUNNING, T0, Optional.of(T1), false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a running or waiting session has no end");
        assertThatThrownBy(() -> new AgentSession(s.id(), s.client(), s.channel(), s.externalReference(),
                s.requester(), s.mode(), s.configVersion(), State.CLOSED, T0, Optional.empty(), false,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
