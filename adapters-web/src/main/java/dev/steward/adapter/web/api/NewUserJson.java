package dev.steward.adapter.web.api;

/**
 * Body of {@code POST /api/v1/users}: the email, the role ({@code admin}, {@code technician}, {@code viewer}) and how
 * the first password reaches the user ({@code link}: a one-time set-password link; {@code password}: generated,
 * shown once).
 */
public record NewUserJson(String email, String role, String delivery) {
}
