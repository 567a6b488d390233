package dev.steward.adapter.web.agentgateway;

/** Body of {@code POST /agent/v1/check-ins}: the configuration version the agent runs. */
public record CheckInJson(long configVersion) {
}
