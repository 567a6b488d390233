package dev.steward.adapter.psa.autotask;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.adapter.psa.common.WebhookReader;
import dev.steward.application.port.TicketSystem;
import jakarta.inject.Inject;
import java.time.Clock;
import dev.steward.domain.integration.SettingSpec;
import java.util.List;
import java.util.Map;

/** Autotask from settings: userName, integrationCode, secret; zoneLookupBase, pageSize and picklist labels. */
public final class AutotaskTicketSystemFactory implements TicketSystemFactory {

    @Inject
    public AutotaskTicketSystemFactory() {
    }

    @Override
    public String kind() {
        return AutotaskTicketSystem.KIND;
    }

    @Override
    public String label() {
        return "Autotask";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(SettingSpec.required("userName", "API user e-mail"),
                SettingSpec.required("integrationCode", "API tracking identifier"),
                SettingSpec.secret("secret", "API user secret"),
                SettingSpec.optional("zoneLookupBase", "Zone lookup URL (default " + AutotaskSettings.ZONE_LOOKUP + ")"),
                SettingSpec.optional("pageSize", "Page size, at most 500"),
                SettingSpec.optional("internalPublishLabel", "Internal publish label (default Internal Only)"),
                SettingSpec.optional("publicPublishLabel", "Public publish label (default All Autotask Users)"),
                SettingSpec.optional("noteTypeLabel", "Note type label (default Task Notes)"),
                SettingSpec.optional("closedStatusLabel", "Closed status label (default Complete)"),
                SettingSpec.optionalSecret("webhookSecret", "Webhook secret key (webhooks off without it)"));
    }

    @Override
    public TicketSystem create(Map<String, String> values, Clock clock) {
        Settings s = new Settings(values);
        return new AutotaskTicketSystem(new AutotaskSettings(
                s.optional("zoneLookupBase").isPresent() ? s.uri("zoneLookupBase") : AutotaskSettings.ZONE_LOOKUP,
                s.required("userName"), s.required("integrationCode"), s.secret("secret"), s.number("pageSize", 500),
                s.optional("internalPublishLabel").orElse("Internal Only"),
                s.optional("publicPublishLabel").orElse("All Autotask Users"),
                s.optional("noteTypeLabel").orElse("Task Notes"), s.optional("closedStatusLabel").orElse("Complete"),
                "Steward", HttpSettings.DEFAULT), clock);
    }

    @Override
    public WebhookReader webhookReader(Map<String, String> values, TicketSystem system) {
        return new AutotaskWebhookReader(new Settings(values).secret("webhookSecret"));
    }
}
