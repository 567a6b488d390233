package dev.steward.application.agent;

import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolRequest;
import java.util.UUID;

/**
 * Capability: an agent's tool call, made by the control plane's {@code ToolGateway} (mode, policy, the client's own
 * integrations, the activity entry) with credentials the agent never sees. In execute mode a call whose policy needs
 * approval raises an approval request (its arguments kept sealed) instead of running.
 */
public interface CallToolUseCase {

    /**
     * A call the gateway refuses is an answer, not an error: a tool of another client's integration, a disabled tool,
     * a write in plan mode, arguments that do not fit, a step already used for another call.
     *
     * @throws dev.steward.application.problem.NotFound if the session is not one of the agent's client
     * @throws dev.steward.application.problem.InvalidCommand if the request is malformed (names the field)
     */
    ToolAnswer call(AgentIdentity agent, UUID session, ToolRequest request);
}
