package dev.steward.bootstrap;

import dev.steward.adapter.web.agentgateway.HttpControlPlane;
import dev.steward.application.agent.AgentWorkUseCase;
import dev.steward.application.agent.AgentWorker;
import dev.steward.domain.agent.AgentLiveness;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar steward.jar agent}: one client's agent, as run inside its container: the same {@link AgentWorker}
 * the in-process runtime runs, over HTTP. It holds only its per-agent credential: a one-time bootstrap token
 * ({@code STEWARD_AGENT_TOKEN}, or the file {@code STEWARD_AGENT_TOKEN_FILE}, e.g. a Swarm secret), which it trades
 * for its session token at first contact and keeps in {@code STEWARD_AGENT_SESSION_FILE}. Its configuration and its
 * work come from the control plane, and every tool call, note, reply and model call goes through the control plane
 * (which holds the PSA, tool and model credentials). Its log names every ticket it works.
 */
final class AgentCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);
    /**
     * How often the agent measures itself for its check-ins: reading its cgroup at every heartbeat cost more CPU than
     * anything else an idle agent does but its one request; the control plane keeps the last figures in between.
     */
    static final Duration USAGE_EVERY = Duration.ofSeconds(30);
    /**
     * How often an idle agent checks in, unless {@code STEWARD_HEARTBEAT_MS} says otherwise: its one request per
     * heartbeat is a long poll for work that carries the check-in, so a longer heartbeat costs no latency (work is
     * answered at once) and only spaces out the check-ins. The control plane takes an agent unheard for 50 s, two of these
     * heartbeats and a margin, for stuck ({@code AgentLiveness}), so this is also the longest heartbeat allowed; at
     * 5 s, 200 idle agents spent 14 % of a core, mostly on their heartbeats (docs/benchmarks.md, "A lean agent").
     */
    static final Duration DEFAULT_HEARTBEAT = AgentLiveness.CONTAINER_HEARTBEAT;

    private AgentCommand() {
    }

    /** What the agent reads from its environment; every bad value is refused naming its variable. */
    record Settings(URI controlPlane, String token, Duration heartbeat) {

        static Settings from(Map<String, String> env) {
            String url = required(env, "STEWARD_CONTROL_PLANE_URL");
            URI base;
            try {
                base = new URI(url);
            } catch (URISyntaxException e) {
                throw new ConfigurationError("STEWARD_CONTROL_PLANE_URL is not a URL (got '" + url + "')");
            }
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
                throw new ConfigurationError("STEWARD_CONTROL_PLANE_URL must be an http(s) URL with a host (got '"
                        + url + "')");
            }
            String token = AgentCommand.token(env);
            String rawHeartbeat = Optional.ofNullable(env.get("STEWARD_HEARTBEAT_MS")).map(String::strip)
                    .orElse(Long.toString(DEFAULT_HEARTBEAT.toMillis()));
            long heartbeatMs;
            try {
                heartbeatMs = Long.parseLong(rawHeartbeat);
            } catch (NumberFormatException e) {
                heartbeatMs = -1;
            }
            // longer, and the control plane would take the agent for stuck between two check-ins
            if (heartbeatMs < 100 || heartbeatMs > DEFAULT_HEARTBEAT.toMillis()) {
                throw new ConfigurationError("STEWARD_HEARTBEAT_MS must be a whole number of milliseconds between 100"
                        + " and " + DEFAULT_HEARTBEAT.toMillis() + " (got '" + rawHeartbeat + "'): the control plane"
                        + " takes an agent unheard for " + AgentLiveness.DEFAULT.limit().toSeconds() + " s for stuck");
            }
            return new Settings(base, token, Duration.ofMillis(heartbeatMs));
        }
    }

    /** The credential from {@code STEWARD_AGENT_TOKEN} or the file {@code STEWARD_AGENT_TOKEN_FILE} (one of them). */
    private static String token(Map<String, String> env) {
        Optional<String> inline = Optional.ofNullable(env.get("STEWARD_AGENT_TOKEN")).map(String::strip)
                .filter(v -> !v.isEmpty());
        Optional<String> file = Optional.ofNullable(env.get("STEWARD_AGENT_TOKEN_FILE")).map(String::strip)
                .filter(v -> !v.isEmpty());
        if (inline.isPresent() && file.isPresent()) {
            throw new ConfigurationError("set STEWARD_AGENT_TOKEN or STEWARD_AGENT_TOKEN_FILE, not both");
        }
        if (file.isEmpty()) {
            return inline.orElseThrow(() -> new ConfigurationError(
                    "STEWARD_AGENT_TOKEN or STEWARD_AGENT_TOKEN_FILE is required for the agent command"));
        }
        try {
            String token = Files.readString(Path.of(file.get())).strip();
            if (token.isEmpty()) {
                throw new ConfigurationError("STEWARD_AGENT_TOKEN_FILE " + file.get() + " is empty");
            }
            return token;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new ConfigurationError("STEWARD_AGENT_TOKEN_FILE cannot be read (" + file.get() + ": "
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static void run(Map<String, String> env) throws InterruptedException {
        Settings settings = Settings.from(env);
        Path heartbeatFile = Path.of(env.getOrDefault("STEWARD_HEARTBEAT_FILE", "/tmp/steward-heartbeat"));
        Path sessionFile = Path.of(env.getOrDefault("STEWARD_AGENT_SESSION_FILE", "/tmp/steward-agent-session"));
        // the heartbeat file is touched on every turn of the loop, answered or not: a health check reads "it turns"
        // check-ins carry what the agent measures itself using (AgentUsage), so Diagnostics is real on any node
        AgentWorker worker = new AgentWorker(new HttpControlPlane(settings.controlPlane(), settings.token(),
                Optional.of(sessionFile), Duration.ofSeconds(20), sampledEvery(USAGE_EVERY, new AgentUsage())),
                new AgentReasonings(),
                new AgentWorker.Timing(settings.heartbeat(), AgentWorkUseCase.MAX_WAIT), () -> touch(heartbeatFile),
                line -> { });
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "agent-shutdown"));
        LOG.info("agent starting; control plane {}", settings.controlPlane());
        worker.run();
        LOG.info("agent stopped");
    }

    /** A sample at the first call, then at most one per {@code period}; empty in between. */
    static Supplier<Optional<ResourceUsage>> sampledEvery(Duration period, Supplier<Optional<ResourceUsage>> sampler) {
        return new Supplier<>() {
            private long last;
            private boolean sampled;

            @Override
            public synchronized Optional<ResourceUsage> get() {
                long now = System.nanoTime();
                if (sampled && now - last < period.toNanos()) {
                    return Optional.empty();
                }
                sampled = true;
                last = now;
                return sampler.get();
            }
        };
    }

    /**
     * An engine health check (off unless the operator sets {@code STEWARD_AGENT_HEALTH_INTERVAL_MS}) reads this file's
     * age: a stale file means the agent's loop stopped turning.
     */
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
