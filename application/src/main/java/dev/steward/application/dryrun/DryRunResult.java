package dev.steward.application.dryrun;

import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.domain.workflow.AppliedWorkflow;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a dry run came to: the internal note the agent would have posted (its diagnosis and plan; write actions only
 * as planned), the workflows that matched, and every tool call it made, each with the gateway's decision. Nothing was
 * written to the PSA or carried out.
 */
public record DryRunResult(UUID id, String ticket, String note, List<AppliedWorkflow> workflows,
                           List<TranscriptItem> toolCalls) {

    public DryRunResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(note, "note");
        workflows = List.copyOf(workflows);
        toolCalls = List.copyOf(toolCalls);
    }
}
