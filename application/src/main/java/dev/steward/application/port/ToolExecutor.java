package dev.steward.application.port;

import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;

/**
 * Runs a tool call against the client's systems with the integration's credentials. Only the tool gateway calls it,
 * after the mode and policy checks; it does no checks of its own. ({@code ToolExecutorContract}.)
 */
public interface ToolExecutor {

    /**
     * @return a short summary of the result, fit for the activity log and the reasoner (no secrets)
     * @throws NotFound ({@code tool}) if this executor has no such tool
     * @throws PortFailure if the outside system failed
     */
    String execute(ToolInvocation invocation);
}
