package dev.steward.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeployStatusTest {

    @Test
    void labelsEachStateAsTheProductNamesIt() {
        assertThat(DeployStatus.IDLE.label()).isEqualTo("idle");
        assertThat(DeployStatus.DEPLOYING.label()).isEqualTo("deploying");
        assertThat(new DeployStatus.Failed("engine refused").label()).isEqualTo("error");
    }

    @Test
    void onlyTheFailedStateCarriesAMessage() {
        DeployStatus status = new DeployStatus.Failed("image not found");

        String shown = switch (status) {
            case DeployStatus.Idle idle -> "";
            case DeployStatus.Deploying deploying -> "";
            case DeployStatus.Removed removed -> "";
            case DeployStatus.Failed failed -> failed.message();
        };

        assertThat(shown).isEqualTo("image not found");
    }

    @Test
    void aFailureWithoutWordsStillSaysItFailed() {
        assertThat(new DeployStatus.Failed("  ").message()).isEqualTo("deploy failed");
        assertThatThrownBy(() -> new DeployStatus.Failed(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void clipsAVeryLongMessageToTwoThousandCharacters() {
        String message = new DeployStatus.Failed("x".repeat(5_000)).message();

        assertThat(message).hasSize(2_000).endsWith("…");
    }

    @Test
    void parsesStoredLabels() {
        assertThat(DeployStatus.of("idle", null)).isEqualTo(DeployStatus.IDLE);
        assertThat(DeployStatus.of("deploying", null)).isEqualTo(DeployStatus.DEPLOYING);
        assertThat(DeployStatus.of("error", "timeout")).isEqualTo(new DeployStatus.Failed("timeout"));
        assertThat(DeployStatus.of("error", null)).isEqualTo(new DeployStatus.Failed("deploy failed"));
        assertThatThrownBy(() -> DeployStatus.of("broken", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken");
    }
}
