package dev.steward.domain.user;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone of an MSP who signs in to the dashboard. Belongs to exactly one MSP: everything they see and change is
 * that MSP's. The password is held only as the hasher's encoded hash. A disabled user cannot sign in, and their
 * sessions and API tokens stop working; users are disabled rather than deleted, so audit lines keep naming them.
 */
public record User(UserId id, MspId msp, EmailAddress email, UserRole role, String passwordHash, Instant createdAt,
                   Optional<Instant> disabledAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
        if (passwordHash == null || passwordHash.isBlank()) {
            throw InvalidValue.of("passwordHash", "required", "is required");
        }
    }

    /** A new, active user. */
    public static User register(UserId id, MspId msp, EmailAddress email, UserRole role, String passwordHash,
                                Instant at) {
        return new User(id, msp, email, role, passwordHash, at, Optional.empty());
    }

    public boolean active() {
        return disabledAt.isEmpty();
    }

    /** Whether this user counts as one of the MSP's admins (an active one). */
    public boolean activeAdmin() {
        return active() && role == UserRole.MSP_ADMIN;
    }

    public User withRole(UserRole newRole) {
        return new User(id, msp, email, newRole, passwordHash, createdAt, disabledAt);
    }

    public User withPasswordHash(String newHash) {
        return new User(id, msp, email, role, newHash, createdAt, disabledAt);
    }

    /** Disabled at {@code at}; disabling again keeps the first time. */
    public User disabled(Instant at) {
        return active() ? new User(id, msp, email, role, passwordHash, createdAt, Optional.of(at)) : this;
    }

    public User enabled() {
        return new User(id, msp, email, role, passwordHash, createdAt, Optional.empty());
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + email + ", " + role + ", msp " + msp + (active() ? "" : ", disabled") + "]";
    }
}
