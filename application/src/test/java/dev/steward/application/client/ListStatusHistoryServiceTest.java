package dev.steward.application.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.mode.ChangeOperatingModeCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListStatusHistoryServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    @Test
    void listsEveryTransitionOldestFirstBeyondWhatAClientCarries() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
        for (int i = 0; i < 12; i++) {
            core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "acme", i % 2 == 0 ? "execute" : "plan",
                    Optional.empty()));
            core.reconciler.reconcileDue();
        }

        List<StatusChange> history = core.statusHistory.history(msp.id(), "acme");

        assertThat(history).hasSize(3 + 24).hasSizeGreaterThan(Client.RECENT_HISTORY);
        assertThat(history).extracting(StatusChange::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 27).boxed().toList());
        assertThat(history.getFirst().to()).isEqualTo(AgentStatus.CREATING);
        assertThat(history.getLast().to()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(core.stored(acme).recentHistory()).hasSize(Client.RECENT_HISTORY);
    }

    @Test
    void doesNotShowAnotherMspsHistory() {
        Msp other = core.anMsp();
        core.aClient(other, "Acme Corp", "acme");

        assertThatThrownBy(() -> core.statusHistory.history(msp.id(), "acme")).isInstanceOf(NotFound.class);
    }
}
