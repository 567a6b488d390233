package dev.steward.domain.user;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.text.VisibleText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A per-MSP API token as it is listed: its name, the last four characters of the secret (to tell tokens apart), the
 * role it acts with and whether it was revoked. The secret itself is shown once, when issued, and kept only hashed.
 * A token acts with at most its issuer's role: never above it when issued ({@link #roleFor}), and never above the
 * issuer's current role when used (a demoted issuer's tokens are demoted with them).
 */
public record ApiToken(UUID id, MspId msp, String name, String lastFour, Instant createdAt, UserId createdBy,
                       UserRole role, Optional<Instant> revokedAt) {

    public static final int MAX_NAME = 100;

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(revokedAt, "revokedAt");
        name = checkedName(name);
        if (lastFour == null || lastFour.length() != 4) {
            throw new IllegalArgumentException("lastFour must be four characters");
        }
    }

    /** The rule for a token's name, checked before a token is issued. */
    public static String checkedName(String name) {
        return VisibleText.name("name", name, MAX_NAME);
    }

    /**
     * The role a new token of {@code issuer} gets: {@code wanted}, or technician (capped at the issuer's role) when
     * none is asked for.
     *
     * @throws InvalidValue ({@code role}) if {@code wanted} is above the issuer's role
     */
    public static UserRole roleFor(Optional<UserRole> wanted, UserRole issuer) {
        if (wanted.isEmpty()) {
            return UserRole.MSP_TECHNICIAN.atMost(issuer);
        }
        if (!issuer.atLeast(wanted.get())) {
            throw InvalidValue.of("role", "above-issuer", "a token's role can be at most its issuer's ("
                    + issuer.label() + ")");
        }
        return wanted.get();
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }

    public ApiToken revoked(Instant at) {
        return active() ? new ApiToken(id, msp, name, lastFour, createdAt, createdBy, role, Optional.of(at)) : this;
    }
}
