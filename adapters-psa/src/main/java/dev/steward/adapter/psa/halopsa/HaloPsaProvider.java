package dev.steward.adapter.psa.halopsa;

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
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HaloPSA ({@code halopsa}) from settings: apiBase, clientId, clientSecret; tokenUrl (discovered from the instance
 * when not given) and tenant, the outcomes by name (replyOutcome, internalOutcome; the older replyOutcomeId and
 * internalOutcomeId still work), scope, pageSize, timeZone; webhookUser and webhookPassword for a webhook set up
 * with credentials of one's own. HaloPSA has no API to register a webhook with, so when the installation has a public
 * URL and no webhook credentials are given, connecting generates them (stored as {@code webhookUser},
 * {@code webhookPassword} and {@code webhookCredentials=generated}) and the integration page shows the URL, user and
 * password to paste into Halo's webhook (Basic authentication). Without either, HaloPSA is polled.
 */
public final class HaloPsaProvider extends PsaProvider {

    static final String WEBHOOK_USER = "webhookUser";
    static final String WEBHOOK_PASSWORD = "webhookPassword";
    /** Marks credentials Steward generated: only those are shown to paste; typed ones are never shown back. */
    static final String GENERATED = "webhookCredentials";

    public HaloPsaProvider() {
        super(HaloPsaTicketSystem.KIND, "HaloPSA", List.of(
                SettingSpec.required("apiBase", "API base URL (https://{tenant}.halopsa.com/api/)"),
                SettingSpec.optional("tokenUrl", "Token URL (default: discovered from the instance's /api/authinfo)"),
                SettingSpec.optional("tenant", "Hosted tenant name (default: x of x.halopsa.com)"),
                SettingSpec.required("clientId", "OAuth client id"),
                SettingSpec.secret("clientSecret", "OAuth client secret"),
                SettingSpec.optional("replyOutcome", "Outcome that e-mails the user, by name (default "
                        + HaloPsaSettings.EMAIL_USER + ")"),
                SettingSpec.optional("internalOutcome", "Private note outcome, by name (default "
                        + HaloPsaSettings.PRIVATE_NOTE + ")"),
                SettingSpec.optional("replyOutcomeId", "Reply outcome by id, instead of by name"),
                SettingSpec.optional("internalOutcomeId", "Private note outcome by id, instead of by name"),
                SettingSpec.optional("timeZone", "The instance's time zone, e.g. Europe/London (default UTC)"),
                SettingSpec.optional("scope", "Scope (default all)"),
                SettingSpec.optional("pageSize", "Page size (default 100)"),
                SettingSpec.optional(WEBHOOK_USER, "Webhook Basic user, to choose your own (by default Steward "
                        + "generates one when it has a public URL)"),
                SettingSpec.optionalSecret(WEBHOOK_PASSWORD, "Webhook Basic password, with your own user")));
    }

    @Override
    protected PsaSystem ticketSystem(Settings s, HttpSettings http, ProviderContext context) {
        Optional<URI> tokenUrl = s.optional("tokenUrl").map(given -> s.uri("tokenUrl"));
        return new HaloPsaTicketSystem(new HaloPsaSettings(s.uri("apiBase"), tokenUrl, s.optional("tenant"),
                s.required("clientId"), s.secret("clientSecret"), s.optional("scope").orElse("all"),
                s.number("pageSize", 100), outcome(s, "internalOutcome", HaloPsaSettings.PRIVATE_NOTE),
                outcome(s, "replyOutcome", HaloPsaSettings.EMAIL_USER), timeZone(s), http), context.clock());
    }

    /** The outcome by name, else by id ({@code <key>Id}, a positive number), else the stock name. */
    private static String outcome(Settings s, String key, String stock) {
        if (s.optional(key).isPresent()) {
            return s.required(key);
        }
        if (s.optional(key + "Id").isPresent()) {
            int id = s.number(key + "Id", 0);
            if (id < 1) {
                throw InvalidValue.of("settings." + key + "Id", "malformed", "must be a positive whole number");
            }
            return Integer.toString(id);
        }
        return stock;
    }

    private static ZoneId timeZone(Settings s) {
        Optional<String> zone = s.optional("timeZone");
        if (zone.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.get());
        } catch (java.time.DateTimeException e) {
            throw InvalidValue.of("settings.timeZone", "unknown", "must be a time zone such as Europe/London");
        }
    }

    @Override
    protected WebhookSetup registerWebhook(Integration integration, Settings s, PsaSystem system,
                                           ProviderContext context) {
        Optional<String> url = context.psaWebhookUrl(integration.msp(), HaloPsaTicketSystem.KIND);
        if (url.isEmpty() || s.optional(WEBHOOK_USER).isPresent() || s.optional(WEBHOOK_PASSWORD).isPresent()) {
            return webhookOf(integration, s, system, context);
        }
        String user = "steward-" + WebhookSetup.newSecret().substring(0, 8).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]", "x");
        String password = WebhookSetup.newSecret();
        return new WebhookSetup(toPaste(url.get(), user, password), Map.of(WEBHOOK_USER, user, GENERATED, "generated"),
                Map.of(WEBHOOK_PASSWORD, password), WebhookSetup.Removal.NOTHING);
    }

    @Override
    protected WebhookSetup webhookOf(Integration integration, Settings s, PsaSystem system, ProviderContext context) {
        Optional<String> url = context.psaWebhookUrl(integration.msp(), HaloPsaTicketSystem.KIND);
        Optional<String> user = s.optional(WEBHOOK_USER);
        Optional<String> password = s.optional(WEBHOOK_PASSWORD);
        if (user.isPresent() && password.isPresent() && s.optional(GENERATED).isPresent() && url.isPresent()) {
            return WebhookSetup.shown(toPaste(url.get(), user.get(), password.get()));
        }
        if (user.isPresent() && password.isPresent()) {
            return WebhookSetup.shown(new InboundWebhook(InboundWebhook.Setup.BY_HAND, url, user, Optional.empty(),
                    "HaloPSA's webhook authenticates with Basic user " + user.get() + " and the password given "
                    + "here; in Halo, send it for new and changed tickets"));
        }
        return WebhookSetup.polled("HaloPSA", "a webhook URL and credentials to paste into Halo", url);
    }

    private static InboundWebhook toPaste(String url, String user, String password) {
        return new InboundWebhook(InboundWebhook.Setup.PASTE, Optional.of(url), Optional.of(user),
                Optional.of(password), "HaloPSA has no API to register a webhook: in Halo, add a webhook (POST, JSON) "
                + "for new and changed tickets to this URL with Basic authentication, this user and this password");
    }

    @Override
    protected WebhookReader webhookReader(Settings s, TicketSystem system) {
        return new HaloPsaWebhookReader(s.required(WEBHOOK_USER), s.secret(WEBHOOK_PASSWORD));
    }
}
