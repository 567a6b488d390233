package dev.steward.application.ticket;

/**
 * Takes in one PSA ticket: reads it again from the PSA (a webhook body is only a hint), routes it to the client
 * mapped to its company, and — once per ticket — runs that client's agent on it in the client's effective mode:
 * always one internal note with diagnosis and plan; in execute mode then the plan under each tool's policy. Resuming
 * a session after an approval decision is not part of this use case.
 * This is what a webhook route and a poller call.
 */
public interface IntakeTicketUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand a field is missing or malformed
     * @throws dev.steward.application.problem.NotFound the MSP, its PSA of that kind, or the ticket does not exist
     * @throws dev.steward.application.problem.PortFailure the PSA failed (retryable or not); for a failure after the
     *     session started, the session is recorded as failed
     */
    IntakeResult intake(IntakeTicketCommand command);
}
