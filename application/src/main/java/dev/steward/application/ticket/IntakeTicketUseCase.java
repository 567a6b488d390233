package dev.steward.application.ticket;

/**
 * The one entry of the ticket pipeline, for webhooks and polling alike: reads the ticket again from the PSA (a
 * webhook body is only a hint), routes it to the client mapped to its company, and records work for that client's
 * agent — nothing else; the agent does the work. A new ticket starts a session (once per ticket); on a ticket with a
 * session, the notes written since intake last looked become work: the requester's comments join the session as
 * follow-ups, and a technician's internal note starting {@code approve} or {@code deny} decides the session's pending
 * approval (if the note's author is an admin or technician of the MSP, by e-mail; anyone else is ignored and logged).
 * Notes Steward posted never become work. A closed ticket ends its session.
 */
public interface IntakeTicketUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand a field is missing or malformed
     * @throws dev.steward.application.problem.NotFound the MSP, its PSA of that kind, or the ticket does not exist
     * @throws dev.steward.application.problem.PortFailure the PSA failed (retryable or not); nothing was recorded
     */
    IntakeResult intake(IntakeTicketCommand command);
}
