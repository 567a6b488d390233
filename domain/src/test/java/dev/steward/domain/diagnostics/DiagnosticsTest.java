package dev.steward.domain.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.diagnostics.Diagnostics.Health;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import dev.steward.domain.diagnostics.Diagnostics.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void reportsAnAbsentAgentAsAbsentWithNothingMadeUp() {
        Health absent = Health.absent();

        assertThat(absent.running()).isFalse();
        assertThat(absent.state()).isEqualTo(HealthState.ABSENT);
        assertThat(absent.uptime()).isEmpty();
        assertThat(absent.exitCode()).isEmpty();
        assertThat(absent.lastHeartbeat()).isEmpty();
    }

    @Test
    void refusesANegativeRestartCount() {
        assertThatThrownBy(() -> new Health(true, HealthState.HEALTHY, -1, Optional.empty(), Optional.empty(), "img",
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesItsLogLines() {
        List<LogLine> lines = new ArrayList<>(List.of(new LogLine(Instant.EPOCH, "started")));
        Diagnostics diagnostics = new Diagnostics(Health.absent(), lines, Optional.empty());

        lines.clear();

        assertThat(diagnostics.logs()).hasSize(1);
    }
}
