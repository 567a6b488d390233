package dev.steward.application.client;

/** Capability: delete a client, its agent and its credentials. Cannot be undone; the activity log is kept. */
public interface DeleteClientUseCase {

    /**
     * Marks the client destroyed, revokes its agent's token and its own integrations' credentials at once (an
     * MSP-wide integration stays) and removes its agent. Deleting an already destroyed client is refused.
     *
     * @throws dev.steward.domain.problem.DeletionNotConfirmed if the typed name is not exactly the client's name;
     *         nothing changes
     * @throws dev.steward.domain.problem.IllegalTransition if the client is already destroyed
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     */
    ClientDetails delete(DeleteClientCommand command);
}
