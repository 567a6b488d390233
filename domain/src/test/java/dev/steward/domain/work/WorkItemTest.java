package dev.steward.domain.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkItemTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private final MspId msp = new MspId(UUID.randomUUID());
    private final ClientId client = new ClientId(UUID.randomUUID());
    private final UUID session = UUID.randomUUID();

    @Test
    void keysSayWhatTheItemIsAboutSoOneThingIsQueuedOnce() {
        UUID approval = UUID.randomUUID();
        assertThat(WorkItem.newTicket(UUID.randomUUID(), msp, client, session, 1, "help", T0).key())
                .isEqualTo("session:" + session + ":start:1");
        assertThat(WorkItem.followUp(UUID.randomUUID(), msp, client, session, "connectwise", "880001", "still broken",
                "help", T0).key()).isEqualTo("note:connectwise:880001");
        assertThat(WorkItem.approvalDecided(UUID.randomUUID(), msp, client, session, approval, T0).key())
                .isEqualTo("approval:" + approval);
    }

    @Test
    void aRestartedSessionGetsANewKey() {
        assertThat(WorkItem.newTicket(UUID.randomUUID(), msp, client, session, 2, "help", T0).key())
                .isNotEqualTo(WorkItem.newTicket(UUID.randomUUID(), msp, client, session, 1, "help", T0).key());
    }

    @Test
    void carriesItsWork() {
        WorkItem item = WorkItem.followUp(UUID.randomUUID(), msp, client, session, "halopsa", "77", "again", "help", T0);

        assertThat(item.work()).isEqualTo(new Work.FollowUp(session, "77", "again", "help"));
        assertThat(item.work().session()).isEqualTo(session);
    }

    @Test
    void refusesABlankOrOverlongKey() {
        assertThatThrownBy(() -> new WorkItem(UUID.randomUUID(), msp, client, " ", new Work.NewTicket(session, ""),
                T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkItem(UUID.randomUUID(), msp, client, "k".repeat(201),
                new Work.NewTicket(session, ""), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WorkItem.followUp(UUID.randomUUID(), msp, client, session, "psa", "9".repeat(300), "x", "help", T0)
                .key()).hasSize(WorkItem.MAX_KEY);
    }
}
