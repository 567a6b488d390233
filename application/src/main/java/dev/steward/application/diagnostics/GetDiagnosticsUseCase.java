package dev.steward.application.diagnostics;

import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.msp.MspId;

/** Capability: troubleshoot a client's agent: its health, its recent log lines and its resource use. */
public interface GetDiagnosticsUseCase {

    int MAX_TAIL = 1_000;

    /**
     * Asks the agent runtime about the client's agent. An agent that does not exist (yet, or any more) is reported
     * with health {@code ABSENT}, not as an error.
     *
     * @param tailLines how many of the newest log lines to return, 1-{@value #MAX_TAIL}
     * @throws dev.steward.application.problem.InvalidCommand naming {@code tail} if it is out of range
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     * @throws dev.steward.application.problem.PortFailure if the runtime cannot be reached
     */
    Diagnostics diagnose(MspId msp, String slug, int tailLines);
}
