package dev.steward.domain.client;

import dev.steward.domain.problem.InvalidValue;
import java.util.UUID;

/** Surrogate identity of a client; stable across renames and never reused. */
public record ClientId(UUID value) {

    public ClientId {
        if (value == null) {
            throw InvalidValue.of("clientId", "required", "is required");
        }
    }

    public static ClientId of(UUID value) {
        return new ClientId(value);
    }

    public static ClientId parse(String text) {
        try {
            return new ClientId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidValue.of("clientId", "malformed", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
