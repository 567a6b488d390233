package dev.steward.application.ticket;

import java.util.Objects;
import java.util.UUID;

/** How taking in one ticket (or one change of it) ended. */
public sealed interface IntakeResult {

    String ticketId();

    /** Work was queued for the client's agent: a new ticket's session, follow-ups, or a session run again. */
    record Queued(String ticketId, UUID session, int items) implements IntakeResult {
        public Queued {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(session, "session");
        }
    }

    /** Nothing new: a replayed webhook, a second poll, the echo of Steward's own note, a technician's remark. */
    record AlreadyHandled(String ticketId, UUID session) implements IntakeResult {}

    /** The ticket was closed: its session ended and its waiting work with it. */
    record Closed(String ticketId, UUID session) implements IntakeResult {}

    /** No work for an agent: no client is mapped to the ticket's company, or a ticket closed before any session. */
    record Skipped(String ticketId, String reason) implements IntakeResult {}
}
