package dev.steward.adapter.web.api;

/** Body of {@code POST /api/v1/tokens}: what the token is for, e.g. {@code ci pipeline}. */
public record NewApiTokenJson(String name) {
}
