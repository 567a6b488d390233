package dev.steward.adapter.web.api;

/** Body of {@code PUT /api/v1/account/password}: the current password and the new one (12-256 characters). */
public record ChangePasswordJson(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordJson[hidden]";
    }
}
