package dev.steward.application.port.agent;

import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.application.stability.Stable;

/**
 * Runs a tool call against the client's systems with the integration's credentials. Only the tool gateway calls it,
 * after its checks (input, mode, policy, identity); it does no checks of its own. ({@code ToolExecutorContract}.)
 */
@Stable
public interface ToolExecutor {

    /**
     * @return the summary for the activity log and the reasoner (no secrets), and any values for the approver only
     * @throws NotFound ({@code tool}) if no live integration of the call's MSP or client runs such a tool
     * @throws PortFailure if the outside system failed
     */
    ToolResult execute(ToolCall call);
}
