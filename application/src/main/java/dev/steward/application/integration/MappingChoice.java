package dev.steward.application.integration;

import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Integration;
import java.util.Objects;
import java.util.Optional;

/** An integration serving a client whose directory the client can be mapped into, and its mapping if it has one. */
public record MappingChoice(Integration integration, String label, Optional<ClientMapping> mapping) {

    public MappingChoice {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(mapping, "mapping");
    }
}
