package dev.steward.adapter.docker;

import dev.steward.application.port.AgentSpec;
import java.util.List;

/**
 * The environment an agent container starts with: where the control plane is, who the agent is, and its per-agent
 * token (the only credential an agent holds). Never an integration secret: the agent pulls its configuration from the
 * control plane and calls tools through its gateway.
 */
final class AgentEnvironment {

    private AgentEnvironment() {
    }

    static List<String> of(AgentSpec spec, DockerSettings settings, String agentToken) {
        return List.of(
                "STEWARD_CONTROL_PLANE_URL=" + settings.controlPlaneUrl(),
                "STEWARD_AGENT_TOKEN=" + agentToken,
                "STEWARD_CLIENT_ID=" + spec.client(),
                "STEWARD_MSP_ID=" + spec.msp(),
                "STEWARD_CLIENT_SLUG=" + spec.slug(),
                "STEWARD_CONFIG_VERSION=" + spec.configVersion(),
                "STEWARD_HEARTBEAT_FILE=" + DockerSettings.HEARTBEAT_FILE);
    }
}
