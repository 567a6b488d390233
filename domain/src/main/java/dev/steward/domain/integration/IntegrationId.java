package dev.steward.domain.integration;

import dev.steward.domain.problem.InvalidValue;
import java.util.UUID;

public record IntegrationId(UUID value) {

    public IntegrationId {
        if (value == null) {
            throw InvalidValue.of("integrationId", "required", "is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
