package dev.steward.adapter.web.api;

/** Body of {@code POST /api/v1/users/{id}/password-reset}: {@code link} or {@code password} (generated). */
public record PasswordResetJson(String delivery) {
}
