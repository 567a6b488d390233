package dev.steward.application.runbook;

import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;

/** Capability: see the runbooks an MSP wrote, MSP-wide or one client's (the built-in ones are not listed). */
public interface ListRunbooksUseCase {

    /**
     * @param client empty for the MSP-wide runbooks, else the client's slug
     * @return ordered by name
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     */
    List<RunbookDetails> list(MspId msp, Optional<String> client);
}
