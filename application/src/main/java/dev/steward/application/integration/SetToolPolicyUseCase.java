package dev.steward.application.integration;

/**
 * Capability: set a tool's policy. The tool gateway enforces it from the next call on; the agents that use the
 * integration are reconfigured so that their tool list shows it.
 */
public interface SetToolPolicyUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand if the policy is not one of auto, approval_needed,
     *     disabled
     * @throws dev.steward.application.problem.NotFound if the MSP has no such integration, or it has no such tool
     * @throws dev.steward.application.problem.Conflict ({@code version.stale}) if {@code expectedVersion} is not the
     *     stored version
     */
    IntegrationDetails set(SetToolPolicyCommand command);
}
