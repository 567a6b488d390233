package dev.steward.adapter.web.api;

import dev.steward.application.dryrun.DryRunResult;
import java.util.List;

/**
 * A dry run's answer: the note the agent would have posted, the workflows that matched (name and version), and every
 * tool call with the gateway's decision ({@code ok} for a read that ran; a write is refused and only planned).
 */
public record DryRunJson(String id, String ticket, String note, List<WorkflowUsed> workflows,
                         List<ToolCall> toolCalls) {

    /** What a dry run is asked for: {@code ticket} (a PSA ticket number) or {@code text}, exactly one. */
    public record Request(String ticket, String text) {}

    public record WorkflowUsed(String id, String name, int version) {}

    public record ToolCall(String tool, java.util.Map<String, String> arguments, String outcome, String result) {}

    public static DryRunJson from(DryRunResult result) {
        return new DryRunJson(result.id().toString(), result.ticket(), result.note(),
                result.workflows().stream().map(w -> new WorkflowUsed(w.id().toString(), w.name().value(),
                        w.version())).toList(),
                result.toolCalls().stream().map(c -> new ToolCall(c.tool().value(), c.arguments(),
                        c.outcome().label(), c.result())).toList());
    }
}
