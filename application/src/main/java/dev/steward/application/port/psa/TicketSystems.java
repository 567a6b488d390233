package dev.steward.application.port.psa;

import dev.steward.application.problem.NotFound;
import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.MspId;

/**
 * Finds the connected PSA of an MSP by integration kind, with its credentials in place. ({@code TicketSystemsContract}.)
 */
@Stable
public interface TicketSystems {

    /** @throws NotFound ({@code ticket system}) if the MSP has no PSA of that kind connected */
    TicketSystem of(MspId msp, String kind);

    /** Whether the MSP has a PSA of that kind connected (an integration of another kind is no PSA). */
    default boolean connected(MspId msp, String kind) {
        try {
            of(msp, kind);
            return true;
        } catch (NotFound notConnected) {
            return false;
        }
    }
}
