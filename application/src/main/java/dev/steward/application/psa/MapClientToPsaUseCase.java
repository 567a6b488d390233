package dev.steward.application.psa;

import dev.steward.application.client.ClientDetails;
import dev.steward.domain.msp.MspId;

/** Capability: map a client to its company in the MSP's PSA (or remove the mapping). */
public interface MapClientToPsaUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming {@code integrationKind} or {@code companyId}
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     * @throws dev.steward.application.problem.Conflict ({@code psaMapping.taken}, on {@code companyId}) if another
     *     client of the MSP is already that company; ({@code version.stale}) if the client changed meanwhile
     */
    ClientDetails map(MapClientToPsaCommand command);

    /** Whether the MSP's integration of {@code kind} is a connected PSA, so a client can be mapped to its companies. */
    boolean canMapTo(MspId msp, String kind);
}
