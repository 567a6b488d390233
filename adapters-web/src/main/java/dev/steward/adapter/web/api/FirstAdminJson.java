package dev.steward.adapter.web.api;

/**
 * Body of {@code POST /api/v1/operator/msps/{id}/admins}: the first admin's email and how their password reaches them
 * ({@code link} or {@code password}).
 */
public record FirstAdminJson(String email, String delivery) {
}
