package dev.steward.domain.msp;

import dev.steward.domain.problem.InvalidValue;
import java.util.UUID;

/** Identity of an MSP, the tenant. Everything an MSP owns carries its id; nothing crosses between MSPs. */
public record MspId(UUID value) {

    public MspId {
        if (value == null) {
            throw InvalidValue.of("mspId", "required", "is required");
        }
    }

    public static MspId of(UUID value) {
        return new MspId(value);
    }

    public static MspId parse(String text) {
        try {
            return new MspId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidValue.of("mspId", "malformed", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
