package dev.steward.application.client;

/** Capability: list an MSP's clients with their status, deploy status and effective mode. */
public interface ListClientsUseCase {

    /** @throws dev.steward.application.problem.InvalidCommand for an unknown status filter or out-of-range limit */
    ClientPage list(ListClientsQuery query);
}
