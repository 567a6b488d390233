package dev.steward.application.port.runtime;

import java.util.Objects;
import java.util.UUID;

/** One running control-plane process among those sharing a store: new at every start, never reused. */
public record InstanceId(UUID value) {

    public InstanceId {
        Objects.requireNonNull(value, "value");
    }

    public static InstanceId random() {
        return new InstanceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
