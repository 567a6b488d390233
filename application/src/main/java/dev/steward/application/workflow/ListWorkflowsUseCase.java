package dev.steward.application.workflow;

import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;

/**
 * Capability: see the workflows an MSP wrote, MSP-wide or one client's, in every status (the built-in ones are
 * listed with {@link #builtIn()}).
 */
public interface ListWorkflowsUseCase {

    /**
     * @param client empty for the MSP-wide workflows, else the client's slug
     * @return ordered by name ignoring case, each with its current version only in {@code history}
     * @throws dev.steward.application.problem.NotFound if the MSP has no such client
     */
    List<WorkflowDetails> list(MspId msp, Optional<String> client);

    /** The workflows Steward ships, which the MSP's and clients' workflows of the same name replace. */
    List<WorkflowDetails> builtIn();
}
