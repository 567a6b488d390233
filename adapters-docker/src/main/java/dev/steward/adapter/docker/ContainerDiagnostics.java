package dev.steward.adapter.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.BlkioStatsConfig;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.core.InvocationBuilder;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.Health;
import dev.steward.domain.diagnostics.Diagnostics.LogLine;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Health, log tail and resource usage of one container, read from the engine (shared by both runtimes). */
final class ContainerDiagnostics {

    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final EngineCalls engine;
    private final Clock clock;

    ContainerDiagnostics(DockerClient docker, EngineCalls engine, Clock clock) {
        this.docker = docker;
        this.engine = engine;
        this.clock = clock;
    }

    /** Everything about the container, or empty when it no longer exists. */
    Optional<Diagnostics> of(String containerId, int restarts, int tailLines, Optional<Instant> since) {
        Optional<InspectContainerResponse> inspected = engine.find("inspect container " + containerId,
                () -> docker.inspectContainerCmd(containerId).exec());
        if (inspected.isEmpty()) {
            return Optional.empty();
        }
        InspectContainerResponse container = inspected.get();
        boolean running = Boolean.TRUE.equals(container.getState().getRunning());
        int totalRestarts = restarts + Optional.ofNullable(container.getRestartCount()).orElse(0);
        Health health = health(container, totalRestarts);
        List<LogLine> logs = logs(containerId, tailLines, since);
        Optional<ResourceUsage> usage = running ? usage(containerId) : Optional.empty();
        return Optional.of(new Diagnostics(health, logs, usage));
    }

    Health health(InspectContainerResponse container, int restarts) {
        ContainerState state = container.getState();
        boolean running = Boolean.TRUE.equals(state.getRunning());
        HealthState healthState = state.getHealth();
        Diagnostics.HealthState health = !running ? Diagnostics.HealthState.NOT_RUNNING
                : healthState == null ? Diagnostics.HealthState.HEALTHY
                : switch (String.valueOf(healthState.getStatus())) {
                    case "healthy" -> Diagnostics.HealthState.HEALTHY;
                    case "unhealthy" -> Diagnostics.HealthState.UNHEALTHY;
                    default -> Diagnostics.HealthState.STARTING;
                };
        Optional<Duration> uptime = running ? instant(state.getStartedAt()).map(at -> Duration.between(at,
                clock.instant())).map(d -> d.isNegative() ? Duration.ZERO : d) : Optional.empty();
        Optional<Integer> exitCode = running ? Optional.empty()
                : Optional.ofNullable(state.getExitCodeLong()).map(Long::intValue);
        return new Health(running, health, restarts, uptime, exitCode, container.getConfig().getImage(),
                lastPassedCheck(healthState));
    }

    /** The end of the last passed health check: the last time the agent was seen alive and heartbeating. */
    private static Optional<Instant> lastPassedCheck(HealthState health) {
        if (health == null || health.getLog() == null) {
            return Optional.empty();
        }
        return health.getLog().stream()
                .filter(entry -> Long.valueOf(0).equals(entry.getExitCodeLong()))
                .map(HealthStateLog::getEnd)
                .flatMap(end -> instant(end).stream())
                .max(Comparator.naturalOrder());
    }

    List<LogLine> logs(String containerId, int tailLines, Optional<Instant> since) {
        if (tailLines <= 0) {
            return List.of();
        }
        List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
        ResultCallback.Adapter<Frame> collector = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    parse(line).ifPresent(lines::add);
                }
            }
        };
        engine.run("read logs of container " + containerId, () -> {
            var command = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .withTimestamps(true).withTail(tailLines);
            since.ifPresent(at -> command.withSince((int) at.getEpochSecond()));
            try {
                if (!command.exec(collector).awaitCompletion(LOG_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("logs did not arrive within " + LOG_WAIT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading logs", e);
            }
        });
        List<LogLine> matching = List.copyOf(lines).stream()
                .filter(line -> since.map(at -> !line.at().isBefore(at)).orElse(true)).toList();
        return List.copyOf(matching.subList(Math.max(0, matching.size() - tailLines), matching.size()));
    }

    /** A line as the engine sends it with timestamps: {@code 2026-11-22T23:40:01.123456789Z text}. */
    static Optional<LogLine> parse(String line) {
        if (line.isEmpty()) {
            return Optional.empty();
        }
        int space = line.indexOf(' ');
        String stamp = space < 0 ? line : line.substring(0, space);
        String text = space < 0 ? "" : line.substring(space + 1);
        return instant(stamp).map(at -> new LogLine(at, text.stripTrailing()));
    }

    Optional<ResourceUsage> usage(String containerId) {
        Statistics stats = engine.call("read resource usage of container " + containerId, () -> docker
                .statsCmd(containerId).withNoStream(true).exec(new InvocationBuilder.AsyncResultCallback<>())
                .awaitResult());
        if (stats == null || stats.getMemoryStats() == null) {
            return Optional.empty();
        }
        MemoryStatsConfig memory = stats.getMemoryStats();
        long cache = memory.getStats() == null || memory.getStats().getCache() == null ? 0 : memory.getStats().getCache();
        long used = Math.max(0, orZero(memory.getUsage()) - cache);
        long rx = 0;
        long tx = 0;
        Map<String, StatisticNetworksConfig> networks = stats.getNetworks();
        if (networks != null) {
            for (StatisticNetworksConfig network : networks.values()) {
                rx += orZero(network.getRxBytes());
                tx += orZero(network.getTxBytes());
            }
        }
        long read = 0;
        long written = 0;
        BlkioStatsConfig blkio = stats.getBlkioStats();
        if (blkio != null && blkio.getIoServiceBytesRecursive() != null) {
            for (BlkioStatEntry entry : blkio.getIoServiceBytesRecursive()) {
                if ("read".equalsIgnoreCase(entry.getOp())) {
                    read += orZero(entry.getValue());
                } else if ("write".equalsIgnoreCase(entry.getOp())) {
                    written += orZero(entry.getValue());
                }
            }
        }
        return Optional.of(new ResourceUsage(cpuPercent(stats.getCpuStats(), stats.getPreCpuStats()), used,
                orZero(memory.getLimit()), rx, tx, read, written));
    }

    /** The docker CLI's formula: share of the host's CPU time in the sample, scaled to percent of one core. */
    static double cpuPercent(CpuStatsConfig now, CpuStatsConfig before) {
        if (now == null || before == null || now.getCpuUsage() == null || before.getCpuUsage() == null) {
            return 0;
        }
        long cpuDelta = orZero(now.getCpuUsage().getTotalUsage()) - orZero(before.getCpuUsage().getTotalUsage());
        long systemDelta = orZero(now.getSystemCpuUsage()) - orZero(before.getSystemCpuUsage());
        long cpus = now.getOnlineCpus() == null || now.getOnlineCpus() == 0
                ? (now.getCpuUsage().getPercpuUsage() == null ? 1 : now.getCpuUsage().getPercpuUsage().size())
                : now.getOnlineCpus();
        if (cpuDelta <= 0 || systemDelta <= 0) {
            return 0;
        }
        return (double) cpuDelta / systemDelta * cpus * 100.0;
    }

    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
