package dev.steward.adapter.web.agentgateway;

import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.domain.activity.ActivityOutcome;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The gateway's answer to a tool call: {@code outcome} ({@code ok}, {@code refused_by_policy} …), the result, the approval raised. */
public record ToolAnswerJson(String outcome, String result, UUID approval) {

    public static ToolAnswerJson from(ToolAnswer answer) {
        return new ToolAnswerJson(answer.outcome().label(), answer.result(), answer.approval().orElse(null));
    }

    public ToolAnswer toAnswer() {
        return new ToolAnswer(ActivityOutcome.valueOf(outcome.toUpperCase(Locale.ROOT)), result,
                Optional.ofNullable(approval));
    }
}
