package dev.steward.adapter.web.api;

/** Body of {@code POST /api/v1/operator/msps}: the new MSP's name. */
public record NewMspJson(String name) {
}
