package dev.steward.domain.user;

import dev.steward.domain.problem.InvalidValue;
import java.util.UUID;

/** Identity of an MSP user (a technician or admin who signs in to the dashboard). */
public record UserId(UUID value) {

    public UserId {
        if (value == null) {
            throw InvalidValue.of("userId", "required", "is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
