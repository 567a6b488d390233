package dev.steward.domain.user;

import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A per-MSP API token as it is listed: its name, the last four characters of the secret (to tell tokens apart) and
 * whether it was revoked. The secret itself is shown once, when issued, and kept only hashed.
 */
public record ApiToken(UUID id, MspId msp, String name, String lastFour, Instant createdAt, UserId createdBy,
                       Optional<Instant> revokedAt) {

    public static final int MAX_NAME = 100;

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
        name = checkedName(name);
        if (lastFour == null || lastFour.length() != 4) {
            throw new IllegalArgumentException("lastFour must be four characters");
        }
    }

    /** The rule for a token's name, checked before a token is issued. */
    public static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidValue.of("name", "required", "is required");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME) {
            throw InvalidValue.of("name", "too-long", "must be at most " + MAX_NAME + " characters");
        }
        return stripped;
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }

    public ApiToken revoked(Instant at) {
        return active() ? new ApiToken(id, msp, name, lastFour, createdAt, createdBy, Optional.of(at)) : this;
    }
}
