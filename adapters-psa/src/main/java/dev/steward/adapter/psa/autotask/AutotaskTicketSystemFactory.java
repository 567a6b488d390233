package dev.steward.adapter.psa.autotask;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.adapter.psa.common.WebhookReader;
import dev.steward.application.port.TicketSystem;
import jakarta.inject.Inject;
import java.time.Clock;
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
    public Map<String, String> keys() {
        return Map.of("userName", "API user e-mail", "integrationCode", "tracking identifier", "secret", "secret",
                "zoneLookupBase", "optional (default " + AutotaskSettings.ZONE_LOOKUP + ")",
                "pageSize", "optional, at most 500", "internalPublishLabel", "optional (default Internal Only)",
                "publicPublishLabel", "optional (default All Autotask Users)", "noteTypeLabel",
                "optional (default Task Notes)", "closedStatusLabel", "optional (default Complete)",
                "webhookSecret", "secret: the webhook's secretKey");
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
