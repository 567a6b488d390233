package dev.steward.application.integration;

import dev.steward.application.port.SettingsView;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import java.util.Objects;
import java.util.Optional;

/**
 * A connected integration as it may be shown: its tools and policies, the client it belongs to (none when
 * MSP-wide), its kind's label, and its settings with every secret masked.
 */
public record IntegrationDetails(Integration integration, Optional<Slug> client, String label, SettingsView values) {

    public IntegrationDetails {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(values, "values");
    }
}
