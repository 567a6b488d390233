package dev.steward.adapter.web.agentgateway;

import java.util.UUID;

/** Body of {@code POST /agent/v1/work/{work}/renew}: the lease the agent holds. */
public record LeaseJson(UUID lease) {}
