package dev.steward.adapter.web.api;

/** Body of {@code PUT /api/v1/msp}: the default mode ({@code plan} or {@code execute}) inheriting clients follow. */
public record DefaultModeJson(String defaultMode) {
}
