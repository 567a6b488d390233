package dev.steward.application.agent;

import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.TicketPost;
import java.util.UUID;

/**
 * Capability: an agent writes on its session's ticket through the control plane, which holds the PSA credentials:
 * at most once per session and step, and a step interrupted mid-post is finished without a second note.
 */
public interface PostToTicketUseCase {

    /**
     * @throws dev.steward.application.problem.NotFound if the session is not one of the agent's client
     * @throws dev.steward.application.problem.InvalidCommand if the post is malformed (names the field)
     * @throws dev.steward.application.problem.PortFailure if the PSA failed (the step can be posted again)
     */
    PostedNote post(AgentIdentity agent, UUID session, TicketPost post);
}
