package dev.steward.adapter.docker;

import dev.steward.application.port.runtime.AgentSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment an agent container starts with: where the control plane is, who the agent is, and how it gets its
 * per-agent token (the only credential an agent holds). Never an integration secret: the agent pulls its
 * configuration from the control plane and calls tools through its gateway.
 */
final class AgentEnvironment {

    private AgentEnvironment() {
    }

    /** With the token itself in the environment (the Docker runtime). */
    static List<String> of(AgentSpec spec, DockerSettings settings, String agentToken) {
        List<String> env = new ArrayList<>(common(spec, settings));
        env.add("STEWARD_AGENT_TOKEN=" + agentToken);
        return List.copyOf(env);
    }

    /**
     * With only the path of the file holding the token (Swarm mounts it from a secret): the token never appears in
     * the service's spec, which every manager replicates and {@code docker service inspect} shows.
     */
    static List<String> withTokenFile(AgentSpec spec, DockerSettings settings, String tokenFile) {
        List<String> env = new ArrayList<>(common(spec, settings));
        env.add("STEWARD_AGENT_TOKEN_FILE=" + tokenFile);
        return List.copyOf(env);
    }

    private static List<String> common(AgentSpec spec, DockerSettings settings) {
        return List.of(
                "STEWARD_CONTROL_PLANE_URL=" + settings.controlPlaneUrl(),
                "STEWARD_CLIENT_ID=" + spec.client(),
                "STEWARD_MSP_ID=" + spec.msp(),
                "STEWARD_CLIENT_SLUG=" + spec.slug(),
                "STEWARD_CONFIG_VERSION=" + spec.configVersion(),
                "STEWARD_HEARTBEAT_FILE=" + DockerSettings.HEARTBEAT_FILE);
    }
}
