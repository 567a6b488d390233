package dev.steward.application.workflow;

import dev.steward.application.port.reasoning.RunbookPlaceholders;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.Violations;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.workflow.Trigger;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowName;
import dev.steward.domain.workflow.WorkflowSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a technician writes in a workflow, as typed: a name, a one-sentence trigger (quote the phrases the runbook
 * reasoner should look for), instructions for a model, and optional checks (read-only tools) and planned actions for
 * the runbook reasoner. Name and trigger are trimmed; argument values may hold the placeholders of
 * {@link RunbookPlaceholders}; a tool named {@code psa:<tool>} is the client's PSA's. Absent lists are none.
 */
public record WorkflowContent(String name, String trigger, String instructions, List<Check> checks,
                              List<Action> actions) {

    /** A check: a read-only tool and its argument templates. */
    public record Check(String tool, Map<String, String> arguments) {
    }

    /** A planned action: a tool, its argument templates, and why (required: the technician reads it in the plan). */
    public record Action(String tool, Map<String, String> arguments, String reason) {
    }

    /** The content as domain values, each bad field recorded in {@code violations} (then the result is unusable). */
    Parsed parse(Violations violations) {
        WorkflowName parsedName = violations.attempt("name", () -> WorkflowName.trimmed(name));
        Trigger parsedTrigger = violations.attempt("trigger", () -> Trigger.trimmed(trigger));
        if (instructions == null || instructions.isBlank()) {
            required(violations, "instructions");
        } else if (instructions.length() > Workflow.MAX_INSTRUCTIONS) {
            violations.add(new FieldViolation("instructions", "instructions.too-long",
                    "must be at most " + Workflow.MAX_INSTRUCTIONS + " characters"));
        }
        List<WorkflowSteps.Check> parsedChecks = new ArrayList<>();
        for (int i = 0; checks != null && i < checks.size(); i++) {
            String field = "checks[" + i + "]";
            Check check = checks.get(i);
            if (check == null) {
                required(violations, field);
                continue;
            }
            ToolName tool = violations.attempt(field + ".tool", () -> ToolName.of(check.tool()));
            Map<String, String> arguments = arguments(check.arguments(), field, violations);
            if (tool != null && arguments != null) {
                parsedChecks.add(new WorkflowSteps.Check(tool, arguments));
            }
        }
        List<WorkflowSteps.Action> parsedActions = new ArrayList<>();
        for (int i = 0; actions != null && i < actions.size(); i++) {
            String field = "actions[" + i + "]";
            Action action = actions.get(i);
            if (action == null) {
                required(violations, field);
                continue;
            }
            ToolName tool = violations.attempt(field + ".tool", () -> ToolName.of(action.tool()));
            Map<String, String> arguments = arguments(action.arguments(), field, violations);
            if (action.reason() == null || action.reason().isBlank()) {
                required(violations, field + ".reason");
            } else if (tool != null && arguments != null) {
                parsedActions.add(new WorkflowSteps.Action(tool, arguments, action.reason().strip()));
            }
        }
        return new Parsed(parsedName, parsedTrigger, instructions, new WorkflowSteps(parsedChecks, parsedActions));
    }

    /** The content as domain values; usable only when no violation was recorded. */
    record Parsed(WorkflowName name, Trigger trigger, String instructions, WorkflowSteps steps) {
    }

    /** Absent arguments are none; a null key or value cannot be a template, nor a placeholder Steward cannot fill. */
    private static Map<String, String> arguments(Map<String, String> given, String field, Violations violations) {
        if (given == null) {
            return Map.of();
        }
        // streamed, not containsValue(null): immutable maps throw on a null query
        if (given.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getKey().isBlank()
                || e.getValue() == null)) {
            violations.add(new FieldViolation(field + ".arguments", field + ".arguments.invalid",
                    "every argument needs a name and a text value"));
            return null;
        }
        for (Map.Entry<String, String> argument : new TreeMap<>(given).entrySet()) {
            for (String placeholder : new TreeSet<>(RunbookPlaceholders.used(argument.getValue()))) {
                if (!RunbookPlaceholders.KNOWN.contains(placeholder)) {
                    violations.add(new FieldViolation(field + ".arguments." + argument.getKey(),
                            field + ".arguments.unknown-placeholder", "{" + placeholder + "} is not a placeholder "
                            + "(known: " + new TreeSet<>(RunbookPlaceholders.KNOWN) + ")"));
                    return null;
                }
            }
        }
        return given;
    }

    private static void required(Violations violations, String field) {
        violations.add(new FieldViolation(field, field + ".required", "is required"));
    }
}
