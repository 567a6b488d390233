package dev.steward.adapter.web.agentgateway;

import java.util.UUID;

/** Body of {@code POST /agent/v1/work/{work}/complete}: the lease, and {@code completed} or {@code awaiting_approval}. */
public record CompleteJson(UUID lease, String outcome) {}
