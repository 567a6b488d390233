package dev.steward.domain.diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a technician sees when troubleshooting an agent: its health, its recent log lines and its resource use.
 * Values the runtime cannot tell are empty rather than made up.
 */
public record Diagnostics(Health health, List<LogLine> logs, Optional<ResourceUsage> usage) {

    public Diagnostics {
        Objects.requireNonNull(health, "health");
        logs = List.copyOf(logs);
        Objects.requireNonNull(usage, "usage");
    }

    public enum HealthState { HEALTHY, UNHEALTHY, STARTING, NOT_RUNNING, ABSENT }

    /**
     * {@code detail}: what the runtime says about the agent in its own words when that says more than the state, e.g.
     * a Swarm task's state and error ({@code rejected: No such image: … on node worker-2}); empty when nothing.
     */
    public record Health(boolean running, HealthState state, int restarts, Optional<Duration> uptime,
                         Optional<Integer> exitCode, String image, Optional<Instant> lastHeartbeat, String detail) {

        public Health(boolean running, HealthState state, int restarts, Optional<Duration> uptime,
                      Optional<Integer> exitCode, String image, Optional<Instant> lastHeartbeat) {
            this(running, state, restarts, uptime, exitCode, image, lastHeartbeat, "");
        }

        public Health {
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(uptime, "uptime");
            Objects.requireNonNull(exitCode, "exitCode");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
            if (restarts < 0) {
                throw new IllegalArgumentException("restarts must not be negative");
            }
        }

        public static Health absent() {
            return new Health(false, HealthState.ABSENT, 0, Optional.empty(), Optional.empty(), "", Optional.empty());
        }
    }

    public record LogLine(Instant at, String text) {
        public LogLine {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(text, "text");
        }
    }

    /** CPU in percent of one core; bytes for memory and I/O. */
    public record ResourceUsage(double cpuPercent, long memoryUsedBytes, long memoryLimitBytes, long networkRxBytes,
                                long networkTxBytes, long blockReadBytes, long blockWriteBytes) {}
}
