package dev.steward.application.client;

/** Capability: register a new client of an MSP. */
public interface CreateClientUseCase {

    /**
     * Registers a client in status creating; its agent is provisioned in the background, nobody has to trigger it.
     *
     * @throws dev.steward.application.problem.InvalidCommand naming every invalid field; nothing is stored
     * @throws dev.steward.application.problem.Conflict {@code slug.taken} if the MSP already used the slug
     * @throws dev.steward.application.problem.NotFound if the MSP does not exist
     */
    ClientDetails create(CreateClientCommand command);
}
