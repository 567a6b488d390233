package dev.steward.application.agentloop;

import dev.steward.application.agent.message.Assignment;
import dev.steward.application.port.reasoning.PlannedAction;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.mode.EffectiveMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The text of the one internal note a session posts: the diagnosis, what was checked (with outcomes), and the plan.
 * Argument values go through {@link RedactedArguments}, so a secret passed to a tool never lands on a ticket.
 */
final class PlanNote {

    private PlanNote() {
    }

    static String render(EffectiveMode mode, String diagnosis, List<TranscriptItem> checked, List<PlannedAction> plan) {
        StringBuilder out = new StringBuilder("Steward diagnosis (" + mode.label() + " mode)\n\nDiagnosis:\n")
                .append(diagnosis.strip().isEmpty() ? "(none given)" : diagnosis.strip()).append('\n');
        if (!checked.isEmpty()) {
            out.append("\nChecked:\n");
            for (TranscriptItem item : checked) {
                out.append("- ").append(item.tool()).append(arguments(item.arguments())).append(" → ")
                        .append(item.outcome().label().replace('_', ' ')).append(": ").append(clip(item.result()))
                        .append('\n');
            }
        }
        out.append(mode == EffectiveMode.PLAN ? "\nPlan (not executed: plan mode):\n" : "\nPlan:\n");
        if (plan.isEmpty()) {
            out.append("No action planned; a technician should take this ticket.\n");
        }
        for (int i = 0; i < plan.size(); i++) {
            PlannedAction action = plan.get(i);
            out.append(i + 1).append(". ").append(action.tool()).append(arguments(action.arguments()));
            if (!action.reason().isBlank()) {
                out.append(" - ").append(action.reason().strip());
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    /** Identifies a plan with its full arguments (a hash, so no value is kept): equal plans, equal digests. */
    static String digest(List<PlannedAction> plan) {
        StringBuilder canonical = new StringBuilder();
        for (PlannedAction action : plan) {
            canonical.append(action.tool()).append('\u0000').append(action.reason()).append('\u0000');
            new TreeMap<>(action.arguments()).forEach((k, v) -> canonical.append(k).append('\u0001').append(v)
                    .append('\u0002'));
            canonical.append('\u0003');
        }
        return "plan:" + SecretTokens.hash(canonical.toString());
    }

    /** The approval comment: what waits, and how a technician answers (in the PSA or in Steward). */
    static String approvalRequest(PlannedAction action, Optional<UUID> approval) {
        return "Approval needed: " + action.tool() + arguments(action.arguments())
                + (action.reason().isBlank() ? "" : " - " + action.reason().strip())
                + "\nTo decide, add an internal note to this ticket starting with \"approve\" or \"deny\" (a reason may"
                + " follow), or decide it in Steward" + approval.map(id -> " (request " + id + ")").orElse("") + ".";
    }

    /** The internal note when an approval was denied or expired: nothing ran. */
    static String notApproved(Assignment.Task.Decided decided) {
        String who = switch (decided.decision()) {
            case DENIED -> "denied by " + decided.by();
            case EXPIRED -> "expired";
            case APPROVED -> throw new IllegalArgumentException("an approved call is run, not reported");
        };
        return "Not approved: " + decided.tool() + (decided.reason().isBlank() ? "" : " - " + decided.reason().strip())
                + "\n" + who + (decided.why().isBlank() ? "" : " (" + decided.why().strip() + ")")
                + ". It was not run; the requester was told.";
    }

    /** The hand-off note: why a technician is needed, with whatever failed. */
    static String handOff(List<Assignment.StepResult> failed) {
        if (failed.isEmpty()) {
            return "Steward could not do anything for this request automatically (no planned action applies); a "
                    + "technician should take it. The requester has not been answered.";
        }
        StringBuilder out = new StringBuilder("Steward could not finish this request; a technician should take it."
                + "\n\nNot done:\n");
        for (Assignment.StepResult result : failed) {
            out.append("- ").append(result.tool()).append(result.reason().isBlank() ? "" : " (" + result.reason()
                    .strip() + ")").append(": ").append(result.outcome().label().replace('_', ' ')).append(" - ")
                    .append(clip(result.summary())).append('\n');
        }
        return out.toString().strip();
    }

    static String arguments(Map<String, String> raw) {
        if (raw.isEmpty()) {
            return "";
        }
        return RedactedArguments.of(raw).values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
    }

    private static String clip(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 299) + "…" : oneLine;
    }
}
