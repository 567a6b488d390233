package dev.steward.application.agent.message;

import dev.steward.domain.workflow.AppliedWorkflow;
import java.util.List;
import java.util.Objects;

/**
 * Something an agent writes on its session's ticket, at one step of the session: the internal note with its
 * diagnosis and plan, a reply to the requester, an approval request, or a hand-off (an internal note, and the ticket
 * moved to the MSP's "needs a technician" status). Posted at most once per step. {@code planDigest} (notes only)
 * identifies the plan behind the note, so an agent that works a redelivered item learns whether it reached the same
 * plan as the note already posted. {@code workflows} (notes only) are the workflow versions the diagnosis applied.
 */
public record TicketPost(String step, Kind kind, String text, String planDigest, List<AppliedWorkflow> workflows) {

    /**
     * {@code NOTE}: the diagnosis and plan of a turn of the session (one per work item); {@code INTERNAL}: any other
     * internal remark; {@code REPLY}: visible to the requester; {@code APPROVAL_REQUEST}: asks the technicians;
     * {@code HANDOFF}: an internal note, and the ticket moved to the "needs a technician" status.
     */
    public enum Kind { NOTE, INTERNAL, REPLY, APPROVAL_REQUEST, HANDOFF }

    public TicketPost {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        planDigest = planDigest == null ? "" : planDigest;
        workflows = workflows == null ? List.of() : List.copyOf(workflows);
        if (kind != Kind.NOTE && !workflows.isEmpty()) {
            throw new IllegalArgumentException("only the note of a turn names the workflows it applied");
        }
    }

    /** A post naming no workflows: anything but a turn's note, or a note no workflow led to. */
    public TicketPost(String step, Kind kind, String text, String planDigest) {
        this(step, kind, text, planDigest, List.of());
    }
}
