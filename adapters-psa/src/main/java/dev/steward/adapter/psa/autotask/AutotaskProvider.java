package dev.steward.adapter.psa.autotask;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.PsaProvider;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.adapter.psa.common.WebhookSetup;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.SettingSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Autotask ({@code autotask}) from settings: userName, integrationCode, secret; zoneLookupBase, pageSize and picklist
 * labels; webhookSecret for a webhook set up in Autotask by hand. When the installation has a public URL and no
 * webhookSecret is given, connecting registers a ticket webhook with a secret Steward generates and the API user's
 * resource excluded (stored as {@code webhookId} and {@code webhookSecret}), and disconnecting deletes it; a webhook
 * Autotask refuses refuses the connect, naming why. Without either, Autotask is polled.
 */
public final class AutotaskProvider extends PsaProvider {

    /** The stored id of the ticket webhook Steward registered. */
    static final String WEBHOOK_ID = "webhookId";
    static final String WEBHOOK_SECRET = "webhookSecret";

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
                SettingSpec.optionalSecret(WEBHOOK_SECRET, "Secret key of a ticket webhook set up in Autotask by hand "
                        + "(by default Steward registers one when it has a public URL)")));
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
    protected WebhookSetup registerWebhook(Integration integration, Settings s, PsaSystem system,
                                           ProviderContext context) {
        Optional<String> url = context.psaWebhookUrl(integration.msp(), AutotaskTicketSystem.KIND);
        if (url.isEmpty() || s.optional(WEBHOOK_SECRET).isPresent()) {
            return webhookOf(integration, s, system, context);
        }
        AutotaskTicketSystem autotask = (AutotaskTicketSystem) system;
        String secret = WebhookSetup.newSecret();
        String id;
        try {
            id = autotask.registerWebhook(url.get(), "Steward " + integration.msp(), secret);
        } catch (RuntimeException e) {
            throw PsaProvider.notRegistered("Autotask", e);
        }
        return new WebhookSetup(InboundWebhook.registered(url.get(), NOTE),
                Map.of(WEBHOOK_ID, id, WebhookSetup.URL, url.get()), Map.of(WEBHOOK_SECRET, secret),
                () -> autotask.removeWebhook(id));
    }

    @Override
    protected WebhookSetup webhookOf(Integration integration, Settings s, PsaSystem system, ProviderContext context) {
        Optional<String> url = context.psaWebhookUrl(integration.msp(), AutotaskTicketSystem.KIND);
        Optional<String> id = s.optional(WEBHOOK_ID);
        if (id.isPresent()) {
            AutotaskTicketSystem autotask = (AutotaskTicketSystem) system;
            return WebhookSetup.registeredEarlier("Autotask", "ticket webhook", id.get(),
                    s.optional(WebhookSetup.URL), url, NOTE,
                    () -> autotask.removeWebhook(id.get()));
        }
        if (s.optional(WEBHOOK_SECRET).isPresent()) {
            return WebhookSetup.shown(new InboundWebhook(InboundWebhook.Setup.BY_HAND, url, Optional.empty(),
                    Optional.empty(), "The ticket webhook was set up in Autotask by hand with the webhook secret "
                    + "given here; exclude the API user's resource there, so Steward's own changes fire nothing"));
        }
        return WebhookSetup.polled("Autotask", "a ticket webhook registered", url);
    }

    private static final String NOTE = "Steward registered a ticket webhook in Autotask with a secret it generated, "
            + "excluding the API user's resource: Steward's own changes fire none. It is deleted on disconnect.";

    @Override
    protected WebhookReader webhookReader(Settings s, TicketSystem system) {
        return new AutotaskWebhookReader(s.secret(WEBHOOK_SECRET), ((AutotaskTicketSystem) system)::ownResourceId);
    }
}
