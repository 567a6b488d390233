package dev.steward.adapter.psa.halopsa;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.PsaProvider;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * HaloPSA ({@code halopsa}) from settings: apiBase, clientId, clientSecret; tokenUrl (discovered from the instance
 * when not given) and tenant, the outcomes by name (replyOutcome, internalOutcome; the older replyOutcomeId and
 * internalOutcomeId still work), scope, pageSize, timeZone; webhookUser and webhookPassword for webhooks (polled
 * without them).
 */
public final class HaloPsaProvider extends PsaProvider {

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
                SettingSpec.optional("webhookUser", "Webhook Basic user (webhooks off without it)"),
                SettingSpec.optionalSecret("webhookPassword", "Webhook Basic password")));
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
    protected WebhookReader webhookReader(Settings s, TicketSystem system) {
        return new HaloPsaWebhookReader(s.required("webhookUser"), s.secret("webhookPassword"));
    }
}
