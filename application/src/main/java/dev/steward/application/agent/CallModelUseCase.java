package dev.steward.application.agent;

import java.util.UUID;

/**
 * Capability: an agent's model call (the model-based reasoner), made by the control plane with the key it alone
 * holds, the tokens counted for the client and the session, and refused once the client's monthly budget is spent.
 */
public interface CallModelUseCase {

    /**
     * @param request a chat-completions request (JSON)
     * @return the model's answer (JSON)
     * @throws dev.steward.application.problem.Conflict {@code model.budget-spent} when the client's monthly token
     *     budget is used up; {@code model.not-configured} when the control plane has no model
     * @throws dev.steward.application.problem.NotFound if the session is not one of the agent's client
     */
    String complete(AgentIdentity agent, UUID session, String request);

    /**
     * The same call for a run that stores no session (a dry run): the same key and budget, the tokens booked to the
     * client under the run's own id, so a dry run's model use counts like any other.
     *
     * @throws dev.steward.application.problem.Conflict as {@link #complete}
     */
    String completeUnstored(AgentIdentity agent, UUID run, String request);
}
