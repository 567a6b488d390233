package dev.steward.domain.user;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone of an MSP who signs in to the dashboard. Belongs to exactly one MSP: everything they see and change is
 * that MSP's. The password is held only as the hasher's encoded hash.
 */
public record User(UserId id, MspId msp, EmailAddress email, UserRole role, String passwordHash, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (passwordHash == null || passwordHash.isBlank()) {
            throw InvalidValue.of("passwordHash", "required", "is required");
        }
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + email + ", " + role + ", msp " + msp + "]";
    }
}
