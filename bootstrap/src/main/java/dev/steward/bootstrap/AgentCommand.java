package dev.steward.bootstrap;

import dev.steward.adapter.web.agentgateway.HttpControlPlane;
import dev.steward.application.agent.AgentWorker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar steward.jar agent}: one client's agent, as run inside its container. It holds only its per-agent
 * token; configuration comes from the control plane, and every tool call will go through the control plane's gateway.
 */
final class AgentCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    private AgentCommand() {
    }

    static void run(Map<String, String> env) throws InterruptedException {
        String url = required(env, "STEWARD_CONTROL_PLANE_URL");
        String token = required(env, "STEWARD_AGENT_TOKEN");
        long heartbeatMs = Optional.ofNullable(env.get("STEWARD_HEARTBEAT_MS")).map(Long::parseLong).orElse(5_000L);
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("STEWARD_CONTROL_PLANE_URL is not a URL: " + e.getMessage());
        }
        Path heartbeatFile = Path.of(env.getOrDefault("STEWARD_HEARTBEAT_FILE", "/tmp/steward-heartbeat"));
        AgentWorker worker = new AgentWorker(new HttpControlPlane(base, token), Duration.ofMillis(heartbeatMs),
                () -> touch(heartbeatFile));
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "agent-shutdown"));
        LOG.info("agent starting; control plane {}", base);
        worker.run();
        LOG.info("agent stopped");
    }

    /** The container's health check reads this file's age: a stale file means missed heartbeats. */
    private static void touch(Path file) {
        try {
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } else {
                Files.createFile(file);
            }
        } catch (IOException e) {
            LOG.warn("cannot touch heartbeat file {}: {}", file, e.getMessage());
        }
    }

    private static String required(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigurationError(key + " is required for the agent command");
        }
        return value.strip();
    }
}
