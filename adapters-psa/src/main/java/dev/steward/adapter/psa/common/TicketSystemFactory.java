package dev.steward.adapter.psa.common;

import dev.steward.application.port.TicketSystem;
import dev.steward.domain.integration.SettingSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Builds a connected {@link TicketSystem} of one kind from an integration's stored settings and secrets (keys as
 * listed by {@link #settings()}). Bound per kind in a {@code Map<String, TicketSystemFactory>} by {@code PsaModule}.
 */
public interface TicketSystemFactory {

    /** The integration kind, e.g. {@code connectwise}. */
    String kind();

    /** The PSA's product name, e.g. {@code ConnectWise Manage}. */
    String label();

    /** Every value the factory reads, in the order a form asks for them; secrets marked as such. */
    List<SettingSpec> settings();

    /**
     * @throws dev.steward.domain.problem.InvalidValue naming the setting ({@code settings.<key>}) that is missing or
     *     malformed
     */
    TicketSystem create(Map<String, String> settings, Clock clock);

    /**
     * The reader of this PSA's webhook deliveries for the system {@link #create} built from the same settings.
     *
     * @throws dev.steward.domain.problem.InvalidValue naming the webhook setting that is missing
     */
    WebhookReader webhookReader(Map<String, String> settings, TicketSystem system);
}
