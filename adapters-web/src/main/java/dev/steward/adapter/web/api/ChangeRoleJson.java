package dev.steward.adapter.web.api;

/** Body of {@code PUT /api/v1/users/{id}/role}: {@code admin}, {@code technician} or {@code viewer}. */
public record ChangeRoleJson(String role) {
}
