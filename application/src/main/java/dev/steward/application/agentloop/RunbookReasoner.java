package dev.steward.application.agentloop;

import dev.steward.application.port.reasoning.BuiltInWorkflows;
import dev.steward.application.port.reasoning.PlannedAction;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.port.reasoning.RunbookPlaceholders;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowSteps;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default reasoner: no model, only the structured steps of workflows. It applies every workflow in force (the
 * context's, already by precedence) whose trigger phrases the request contains as whole words; several may combine.
 * Their checks run in order (only those whose tool is in the catalog and read-only, each once, with every placeholder
 * filled from the request), then it finishes with a diagnosis summarising the checks and the workflows' planned
 * actions, naming the workflow versions it applied; an action whose placeholder the request gives no value for is not
 * planned, and the diagnosis says so. The same context always gives the same step.
 */
public final class RunbookReasoner implements Reasoner {

    @Override
    public ReasonerStep next(ReasoningContext context) {
        String text = context.request().text();
        List<Match> matching = context.workflows().stream()
                .flatMap(w -> w.trigger().matchingPhrase(text).map(p -> new Match(w, p)).stream())
                .toList();
        if (matching.isEmpty()) {
            return new ReasonerStep.Finish("No workflow matches this request; it needs a technician's judgement.",
                    List.of());
        }
        RunbookPlaceholders values = RunbookPlaceholders.of(context.request());
        Set<ToolName> readable = context.catalog().stream().filter(t -> t.effect() == ToolEffect.READ_ONLY)
                .map(Tool::name).collect(Collectors.toSet());
        Set<ReasonerStep.CallTool> done = new LinkedHashSet<>();
        for (TranscriptItem item : context.transcript()) {
            done.add(new ReasonerStep.CallTool(item.tool(), item.arguments()));
        }
        for (Match match : matching) {
            for (WorkflowSteps.Check check : match.workflow().steps().checks()) {
                RunbookPlaceholders.Filled filled = values.forTrigger(match.phrase()).fill(check.arguments());
                ToolName tool = resolve(check.tool(), context);
                ReasonerStep.CallTool call = new ReasonerStep.CallTool(tool, filled.arguments());
                if (filled.complete() && readable.contains(tool) && !done.contains(call)) {
                    return call;
                }
            }
        }
        List<PlannedAction> plan = new ArrayList<>();
        List<String> notPlanned = new ArrayList<>();
        for (Match match : matching) {
            for (WorkflowSteps.Action action : match.workflow().steps().actions()) {
                RunbookPlaceholders.Filled filled = values.forTrigger(match.phrase()).fill(action.arguments());
                ToolName tool = resolve(action.tool(), context);
                if (filled.complete()) {
                    plan.add(new PlannedAction(tool, filled.arguments(), action.reason()));
                } else {
                    notPlanned.add(tool + " (the request does not say its " + filled.missing().orElseThrow()
                            .replace('_', ' ') + ")");
                }
            }
        }
        return new ReasonerStep.Finish(diagnosis(matching, context.transcript(), values, notPlanned), plan,
                matching.stream().map(m -> m.workflow().applied()).toList());
    }

    private record Match(Workflow workflow, String phrase) {}

    /**
     * {@code psa:<tool>} is that tool of the client's PSA, whichever kind the catalog declares it to be; any other name
     * is itself. Without a PSA among the tools it stays {@code psa:<tool>}, which no integration offers.
     */
    private static ToolName resolve(ToolName tool, ReasoningContext context) {
        if (!tool.integration().equals(BuiltInWorkflows.PSA)) {
            return tool;
        }
        return context.psa().map(kind -> ToolName.of(kind + ":" + tool.action())).orElse(tool);
    }

    private static String diagnosis(List<Match> matching, List<TranscriptItem> transcript,
                                    RunbookPlaceholders values, List<String> notPlanned) {
        StringBuilder out = new StringBuilder("Matches workflow(s): ")
                .append(matching.stream().map(m -> m.workflow().name().value()).collect(Collectors.joining(", ")))
                .append('.');
        values.value("error_code").ifPresent(code -> out.append(" The requester quoted error code ").append(code)
                .append('.'));
        if (transcript.isEmpty()) {
            out.append(" None of their checks could run (their tools are not connected for this client, or the "
                    + "request does not say whom they are about).");
        }
        for (TranscriptItem item : transcript) {
            out.append("\n").append(item.tool()).append(": ").append(item.outcome().label().replace('_', ' '))
                    .append(item.result().isBlank() ? "" : " - " + item.result().strip());
        }
        for (String action : notPlanned) {
            out.append("\nNot planned: ").append(action).append("; a technician should look at it.");
        }
        return out.toString();
    }
}
