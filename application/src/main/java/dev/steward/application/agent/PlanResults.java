package dev.steward.application.agent;

import dev.steward.application.agent.message.Assignment;
import dev.steward.application.port.agent.SessionEffect;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where the session's current plan stands, read from what the session did: the plan steps run since its latest note,
 * with each step that waited for approval replaced by how that approval went (its approved run, or its denial).
 */
final class PlanResults {

    private PlanResults() {
    }

    /** The step whose effect is running approval {@code approval}'s call: one per approval, whatever the agent says. */
    static String approvedRunStep(UUID approval) {
        return "approval:" + approval;
    }

    static List<Assignment.StepResult> of(List<SessionEffect> effects, List<ApprovalRequest> approvals) {
        int lastNote = -1;
        for (int i = 0; i < effects.size(); i++) {
            if (effects.get(i).kind() == SessionEffect.Kind.NOTE) {
                lastNote = i;
            }
        }
        Map<String, SessionEffect> byStep = effects.stream()
                .collect(Collectors.toMap(SessionEffect::step, Function.identity(), (a, b) -> a));
        Map<UUID, ApprovalRequest> byId = approvals.stream()
                .collect(Collectors.toMap(ApprovalRequest::id, Function.identity()));
        List<Assignment.StepResult> results = new ArrayList<>();
        for (SessionEffect effect : effects.subList(lastNote + 1, effects.size())) {
            if (effect.kind() != SessionEffect.Kind.TOOL_CALL || effect.step().startsWith("approval:")
                    || effect.tool().isEmpty()) {
                continue;
            }
            results.add(effect.approval().filter(id -> effect.outcome() == ActivityOutcome.AWAITING_APPROVAL)
                    .map(id -> decided(effect, Optional.ofNullable(byId.get(id)),
                            Optional.ofNullable(byStep.get(approvedRunStep(id)))))
                    .orElseGet(() -> new Assignment.StepResult(effect.tool().get(), effect.reason(),
                            effect.finished() ? effect.outcome() : ActivityOutcome.FAILED, effect.finished()
                            ? effect.summary() : "interrupted; it may or may not have run", Optional.empty())));
        }
        return List.copyOf(results);
    }

    private static Assignment.StepResult decided(SessionEffect waiting, Optional<ApprovalRequest> approval,
                                                 Optional<SessionEffect> run) {
        var tool = waiting.tool().orElseThrow();
        Optional<UUID> id = waiting.approval();
        if (run.filter(SessionEffect::finished).isPresent()) {
            return new Assignment.StepResult(tool, waiting.reason(), run.get().outcome(), run.get().summary(), id);
        }
        return switch (approval.map(ApprovalRequest::state).orElse(new ApprovalState.Pending())) {
            case ApprovalState.Denied d -> new Assignment.StepResult(tool, waiting.reason(), ActivityOutcome.DENIED,
                    "not approved by " + d.by() + (d.reason().isBlank() ? "" : ": " + d.reason()), id);
            case ApprovalState.Expired e -> new Assignment.StepResult(tool, waiting.reason(), ActivityOutcome.DENIED,
                    "not approved: " + e.reason(), id);
            case ApprovalState.Approved a -> new Assignment.StepResult(tool, waiting.reason(),
                    ActivityOutcome.APPROVED, "approved by " + a.by() + "; not run yet", id);
            case ApprovalState.Pending p -> new Assignment.StepResult(tool, waiting.reason(),
                    ActivityOutcome.AWAITING_APPROVAL, waiting.summary(), id);
        };
    }
}
