package dev.steward.application.agent.message;

import dev.steward.domain.activity.ActivityOutcome;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What the gateway answers a tool call: the outcome, a summary for the reasoner, the approval it raised if any. */
public record ToolAnswer(ActivityOutcome outcome, String result, Optional<UUID> approval) {

    public ToolAnswer {
        Objects.requireNonNull(outcome, "outcome");
        result = result == null ? "" : result;
        Objects.requireNonNull(approval, "approval");
    }
}
