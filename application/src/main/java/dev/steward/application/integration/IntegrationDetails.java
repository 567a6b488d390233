package dev.steward.application.integration;

import dev.steward.application.port.integration.SettingsView;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connected integration as it may be shown: its tools and policies, the client it belongs to (none when
 * MSP-wide), its kind's label, its settings with every secret masked, and since when its system has not answered
 * (an MCP server that is down), if it does not; for a PSA, how its events reach Steward ({@code webhook}) and when
 * the last webhook delivery was accepted ({@code lastWebhookDelivery}).
 */
public record IntegrationDetails(Integration integration, Optional<Slug> client, String label, SettingsView values,
                                 Optional<Instant> unreachableSince, Optional<InboundWebhook> webhook,
                                 Optional<Instant> lastWebhookDelivery) {

    public IntegrationDetails {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(unreachableSince, "unreachableSince");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(lastWebhookDelivery, "lastWebhookDelivery");
    }

    /** An integration whose system answers (or is not asked). */
    public IntegrationDetails(Integration integration, Optional<Slug> client, String label, SettingsView values) {
        this(integration, client, label, values, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same details, with since when the system has not answered. */
    public IntegrationDetails unreachableSince(Optional<Instant> since) {
        return new IntegrationDetails(integration, client, label, values, since, webhook, lastWebhookDelivery);
    }

    /** The same details, with how the PSA's events reach Steward and when the last delivery was accepted. */
    public IntegrationDetails webhook(Optional<InboundWebhook> setup, Optional<Instant> lastDelivery) {
        return new IntegrationDetails(integration, client, label, values, unreachableSince, setup, lastDelivery);
    }
}
