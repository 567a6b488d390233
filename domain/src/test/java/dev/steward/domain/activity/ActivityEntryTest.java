package dev.steward.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActivityEntryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static ActivityEntry entry(ActivityKind kind, Optional<ToolName> tool, String summary, Duration duration) {
        return new ActivityEntry(UUID.randomUUID(), new MspId(UUID.randomUUID()), new ClientId(UUID.randomUUID()),
                Optional.of(UUID.randomUUID()), Optional.of("T-1001"), T0, kind, tool,
                RedactedArguments.of(Map.of("user", "jane", "password", "hunter2")), ActivityOutcome.OK, summary,
                duration, Optional.empty());
    }

    @Test
    void recordsAToolCallWithRedactedArguments() {
        ActivityEntry call = entry(ActivityKind.TOOL_CALL, Optional.of(ToolName.of("m365:reset-password")),
                "password reset", Duration.ofMillis(420));

        assertThat(call.tool()).contains(ToolName.of("m365:reset-password"));
        assertThat(call.arguments().values()).containsEntry("password", RedactedArguments.MASK);
        assertThat(call.duration()).isEqualTo(Duration.ofMillis(420));
    }

    @Test
    void aToolCallMustNameItsTool() {
        assertThatThrownBy(() -> entry(ActivityKind.TOOL_CALL, Optional.empty(), "x", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tool call names its tool");
    }

    @Test
    void aTranscriptLineNeedsNoTool() {
        assertThat(entry(ActivityKind.NOTE, Optional.empty(), "Diagnosis: ...", Duration.ZERO).tool()).isEmpty();
    }

    @Test
    void refusesANegativeDuration() {
        assertThatThrownBy(() -> entry(ActivityKind.REPLY, Optional.empty(), "x", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clipsAnOverlongSummary() {
        ActivityEntry line = entry(ActivityKind.AGENT_MESSAGE, Optional.empty(), "s".repeat(20_000), Duration.ZERO);

        assertThat(line.summary()).hasSize(ActivityEntry.MAX_SUMMARY).endsWith("…");
    }

    @Test
    void labelsOutcomesInLowercase() {
        assertThat(ActivityOutcome.REFUSED_BY_POLICY.label()).isEqualTo("refused_by_policy");
        assertThat(ActivityOutcome.AWAITING_APPROVAL.label()).isEqualTo("awaiting_approval");
    }
}
