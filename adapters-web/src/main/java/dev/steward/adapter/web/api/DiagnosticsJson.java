package dev.steward.adapter.web.api;

import dev.steward.domain.diagnostics.Diagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A client's agent as the runtime sees it. Values the runtime cannot tell are null rather than made up. */
public record DiagnosticsJson(HealthJson health, List<LogLineJson> logs, UsageJson usage) {

    public record HealthJson(boolean running, String state, int restarts, Long uptimeSeconds, Integer exitCode,
                             String image, Instant lastHeartbeat, String detail) {
    }

    public record LogLineJson(Instant at, String text) {
    }

    public record UsageJson(double cpuPercent, long memoryUsedBytes, long memoryLimitBytes, long networkRxBytes,
                            long networkTxBytes, long blockReadBytes, long blockWriteBytes) {
    }

    public static DiagnosticsJson from(Diagnostics d) {
        Diagnostics.Health h = d.health();
        HealthJson health = new HealthJson(h.running(), h.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                h.restarts(), h.uptime().map(java.time.Duration::toSeconds).orElse(null), h.exitCode().orElse(null),
                h.image(), h.lastHeartbeat().orElse(null), h.detail().isEmpty() ? null : h.detail());
        List<LogLineJson> logs = d.logs().stream().map(l -> new LogLineJson(l.at(), l.text())).toList();
        UsageJson usage = d.usage().map(u -> new UsageJson(u.cpuPercent(), u.memoryUsedBytes(), u.memoryLimitBytes(),
                u.networkRxBytes(), u.networkTxBytes(), u.blockReadBytes(), u.blockWriteBytes())).orElse(null);
        return new DiagnosticsJson(health, logs, usage);
    }
}
