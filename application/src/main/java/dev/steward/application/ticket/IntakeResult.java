package dev.steward.application.ticket;

import java.util.Objects;
import java.util.UUID;

/** How taking in one ticket ended. */
public sealed interface IntakeResult {

    String ticketId();

    /** A session ran and posted its note. */
    record Handled(String ticketId, UUID session, String noteId) implements IntakeResult {
        public Handled {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(noteId, "noteId");
        }
    }

    /** The ticket already has a session (a replayed webhook, a second poll, or the echo of our own note). */
    record AlreadyHandled(String ticketId, UUID session) implements IntakeResult {}

    /** No work for an agent: no client is mapped to the ticket's company, or the ticket is closed. */
    record Skipped(String ticketId, String reason) implements IntakeResult {}
}
