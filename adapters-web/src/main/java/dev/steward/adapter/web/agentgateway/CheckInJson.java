package dev.steward.adapter.web.agentgateway;

import dev.steward.adapter.web.api.DiagnosticsJson.UsageJson;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.util.Optional;

/**
 * Body of {@code POST /agent/v1/check-ins}: the configuration version the agent runs and, optionally, the resources
 * it measured itself using (null: not reported).
 */
public record CheckInJson(long configVersion, UsageJson usage) {

    public CheckInJson(long configVersion) {
        this(configVersion, null);
    }

    static CheckInJson of(long configVersion, Optional<ResourceUsage> usage) {
        return new CheckInJson(configVersion, usage.map(u -> new UsageJson(u.cpuPercent(), u.memoryUsedBytes(),
                u.memoryLimitBytes(), u.networkRxBytes(), u.networkTxBytes(), u.blockReadBytes(), u.blockWriteBytes()))
                .orElse(null));
    }

    Optional<ResourceUsage> resourceUsage() {
        return Optional.ofNullable(usage).map(u -> new ResourceUsage(u.cpuPercent(), u.memoryUsedBytes(),
                u.memoryLimitBytes(), u.networkRxBytes(), u.networkTxBytes(), u.blockReadBytes(), u.blockWriteBytes()));
    }
}
