package dev.steward.adapter.web.agentgateway;

/**
 * Answer of {@code POST /agent/v1/check-ins}: the configuration version the control plane holds for the agent now.
 * The agent fetches {@code GET /agent/v1/configuration} only when this is not the version it runs.
 */
public record CheckedInJson(long configVersion) {}
