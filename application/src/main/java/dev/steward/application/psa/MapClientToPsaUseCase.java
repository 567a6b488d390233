package dev.steward.application.psa;

import dev.steward.application.client.ClientDetails;

/** Capability: map a client to its company in the MSP's PSA (or remove the mapping). */
public interface MapClientToPsaUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming {@code integrationKind} or {@code companyId}
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     * @throws dev.steward.application.problem.Conflict ({@code psaMapping.taken}, on {@code companyId}) if another
     *     client of the MSP is already that company; ({@code version.stale}) if the client changed meanwhile
     */
    ClientDetails map(MapClientToPsaCommand command);
}
