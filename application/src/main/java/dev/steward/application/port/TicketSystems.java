package dev.steward.application.port;

import dev.steward.application.problem.NotFound;
import dev.steward.domain.msp.MspId;

/**
 * Finds the connected PSA of an MSP by integration kind, with its credentials in place. ({@code TicketSystemsContract}.)
 */
public interface TicketSystems {

    /** @throws NotFound ({@code ticket system}) if the MSP has no PSA of that kind connected */
    TicketSystem of(MspId msp, String kind);
}
