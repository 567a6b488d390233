package dev.steward.adapter.psa.autotask;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.PsaProvider;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.SettingSpec;
import java.util.List;

/**
 * Autotask ({@code autotask}) from settings: userName, integrationCode, secret; zoneLookupBase, pageSize and picklist
 * labels; webhookSecret for webhooks (polled without it).
 */
public final class AutotaskProvider extends PsaProvider {

    public AutotaskProvider() {
        super(AutotaskTicketSystem.KIND, "Autotask", List.of(
                SettingSpec.required("userName", "API user e-mail"),
                SettingSpec.required("integrationCode", "API tracking identifier"),
                SettingSpec.secret("secret", "API user secret"),
                SettingSpec.optional("zoneLookupBase", "Zone lookup URL (default " + AutotaskSettings.ZONE_LOOKUP + ")"),
                SettingSpec.optional("pageSize", "Page size, at most 500"),
                SettingSpec.optional("hourlyRequestLimit", "Requests per hour Steward may use, at most 10000 (default "
                        + AutotaskSettings.DEFAULT_HOURLY_LIMIT + "; the database's 10000 are shared by all integrations)"),
                SettingSpec.optional("internalPublishLabel", "Internal publish label (default Internal Only)"),
                SettingSpec.optional("publicPublishLabel", "Public publish label (default All Autotask Users)"),
                SettingSpec.optional("noteTypeLabel", "Note type label (default Task Notes)"),
                SettingSpec.optional("closedStatusLabel", "Closed status label (default Complete)"),
                SettingSpec.optional("repliesNotifyContact", "true when a notification rule in Autotask e-mails the "
                        + "contact a published note (default false: replies are posted, not e-mailed)"),
                SettingSpec.optional("companyTypes", "Company types to import clients from, comma-separated labels "
                        + "(default Customer)"),
                SettingSpec.optionalSecret("webhookSecret", "Webhook secret key (webhooks off without it)")));
    }

    @Override
    protected PsaSystem ticketSystem(Settings s, HttpSettings http, ProviderContext context) {
        return new AutotaskTicketSystem(new AutotaskSettings(
                s.optional("zoneLookupBase").isPresent() ? s.uri("zoneLookupBase") : AutotaskSettings.ZONE_LOOKUP,
                s.required("userName"), s.required("integrationCode"), s.secret("secret"), s.number("pageSize", 500),
                s.optional("internalPublishLabel").orElse("Internal Only"),
                s.optional("publicPublishLabel").orElse("All Autotask Users"),
                s.optional("noteTypeLabel").orElse("Task Notes"), s.optional("closedStatusLabel").orElse("Complete"),
                "Steward", s.number("hourlyRequestLimit", AutotaskSettings.DEFAULT_HOURLY_LIMIT),
                s.flag("repliesNotifyContact", false), companyTypes(s), http), context.clock());
    }

    private static List<String> companyTypes(Settings s) {
        List<String> labels = java.util.Arrays.stream(s.optional("companyTypes").orElse("Customer").split(","))
                .map(String::strip).filter(label -> !label.isEmpty()).toList();
        if (labels.isEmpty()) {
            throw dev.steward.domain.problem.InvalidValue.of("settings.companyTypes", "malformed",
                    "must name at least one company type, e.g. Customer");
        }
        return labels;
    }

    @Override
    protected WebhookReader webhookReader(Settings s, TicketSystem system) {
        return new AutotaskWebhookReader(s.secret("webhookSecret"), ((AutotaskTicketSystem) system)::ownResourceId);
    }
}
