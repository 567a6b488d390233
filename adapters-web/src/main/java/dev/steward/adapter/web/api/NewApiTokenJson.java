package dev.steward.adapter.web.api;

/**
 * Body of {@code POST /api/v1/tokens}: what the token is for, e.g. {@code ci pipeline}, and optionally the role it
 * acts with ({@code admin}, {@code technician}, {@code viewer}; at most the issuer's; default technician).
 */
public record NewApiTokenJson(String name, String role) {
}
