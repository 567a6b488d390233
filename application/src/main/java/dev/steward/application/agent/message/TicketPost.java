package dev.steward.application.agent.message;

import java.util.Objects;

/**
 * Something an agent writes on its session's ticket, at one step of the session: the internal note with its
 * diagnosis and plan, a reply to the requester, an approval request, or a hand-off (an internal note, and the ticket
 * moved to the MSP's "needs a technician" status). Posted at most once per step. {@code planDigest} (notes only)
 * identifies the plan behind the note, so an agent that works a redelivered item learns whether it reached the same
 * plan as the note already posted.
 */
public record TicketPost(String step, Kind kind, String text, String planDigest) {

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
    }
}
