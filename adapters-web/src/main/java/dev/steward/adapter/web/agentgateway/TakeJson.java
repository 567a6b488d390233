package dev.steward.adapter.web.agentgateway;

import java.util.UUID;

/**
 * Body of {@code POST /agent/v1/work/take}: which run of the agent asks ({@code instance}, new at every start) and
 * how long it may wait for work, in milliseconds (0-25000).
 */
public record TakeJson(UUID instance, long waitMillis) {}
