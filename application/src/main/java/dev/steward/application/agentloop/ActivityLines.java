package dev.steward.application.agentloop;

import dev.steward.application.port.store.IdGenerator;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.integration.ToolName;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Builds the activity entries of a session: transcript lines and tool calls, arguments always redacted. */
public final class ActivityLines {

    private final IdGenerator ids;

    public ActivityLines(IdGenerator ids) {
        this.ids = ids;
    }

    public ActivityEntry transcript(SessionScope scope, ActivityKind kind, String text, Instant at) {
        return new ActivityEntry(ids.next(), scope.msp(), scope.client(), Optional.of(scope.session()),
                Optional.of(scope.ticket()), at, kind, Optional.empty(), RedactedArguments.NONE, ActivityOutcome.OK,
                text, Duration.ZERO, Optional.empty());
    }

    /** A line the agent or Steward wrote about the session (a hand-off, a refusal), with how it went. */
    public ActivityEntry message(SessionScope scope, ActivityOutcome outcome, String text, Instant at) {
        return new ActivityEntry(ids.next(), scope.msp(), scope.client(), Optional.of(scope.session()),
                Optional.of(scope.ticket()), at, ActivityKind.AGENT_MESSAGE, Optional.empty(), RedactedArguments.NONE,
                outcome, text, Duration.ZERO, Optional.empty());
    }

    public ActivityEntry toolCall(SessionScope scope, ToolName tool, Map<String, String> arguments, ActivityOutcome outcome,
                           String summary, Instant at, Duration took) {
        return new ActivityEntry(ids.next(), scope.msp(), scope.client(), Optional.of(scope.session()),
                Optional.of(scope.ticket()), at, ActivityKind.TOOL_CALL, Optional.of(tool),
                RedactedArguments.of(arguments), outcome, summary, took.isNegative() ? Duration.ZERO : took,
                Optional.empty());
    }
}
