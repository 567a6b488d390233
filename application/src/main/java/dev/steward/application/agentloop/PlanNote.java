package dev.steward.application.agentloop;

import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.TranscriptItem;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.mode.EffectiveMode;
import java.util.List;
import java.util.Map;
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
