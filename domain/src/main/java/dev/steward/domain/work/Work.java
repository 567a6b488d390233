package dev.steward.domain.work;

import java.util.Objects;
import java.util.UUID;

/** What a work item asks the client's agent to do, always within one session. */
public sealed interface Work {

    UUID session();

    /** Work a new request: diagnose, post the note, and in execute mode carry out the plan. */
    record NewTicket(UUID session, String request) implements Work {
        public NewTicket {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(request, "request");
        }
    }

    /** The requester wrote again ({@code text}) on the ticket of an open session; {@code request} is the ticket's. */
    record FollowUp(UUID session, String noteId, String text, String request) implements Work {
        public FollowUp {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(noteId, "noteId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(request, "request");
        }
    }

    /** An approval of the session was decided (approved, denied or expired): run it or tell the requester. */
    record ApprovalDecided(UUID session, UUID approval) implements Work {
        public ApprovalDecided {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(approval, "approval");
        }
    }
}
