package dev.steward.application.client;

import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.msp.MspId;
import java.util.List;

/** Capability: every status transition of a client's agent, with time and reason, oldest first. */
public interface ListStatusHistoryUseCase {

    /** @throws dev.steward.application.problem.NotFound if the MSP has no such client */
    List<StatusChange> history(MspId msp, String slug);
}
