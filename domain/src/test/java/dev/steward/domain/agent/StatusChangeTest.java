package dev.steward.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusChangeTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void numbersChangesFromOne() {
        assertThatThrownBy(() -> new StatusChange(0, Optional.empty(), AgentStatus.CREATING, T0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clipsAVeryLongReason() {
        StatusChange change = new StatusChange(1, Optional.empty(), AgentStatus.CREATING, T0, "r".repeat(3_000));

        assertThat(change.reason()).hasSize(StatusChange.MAX_REASON).endsWith("…");
    }

    @Test
    void requiresEveryField() {
        assertThatThrownBy(() -> new StatusChange(1, Optional.empty(), AgentStatus.CREATING, null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
        assertThatThrownBy(() -> new StatusChange(1, Optional.empty(), AgentStatus.CREATING, T0, null))
                .isInstanceOf(NullPointerException.class).hasMessage("reason");
    }
}
