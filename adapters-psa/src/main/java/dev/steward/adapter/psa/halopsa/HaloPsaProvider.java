package dev.steward.adapter.psa.halopsa;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.PsaProvider;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.SettingSpec;
import java.util.List;

/**
 * HaloPSA ({@code halopsa}) from settings: apiBase, tokenUrl, clientId, clientSecret, replyOutcomeId; scope, pageSize,
 * internalOutcomeId; webhookUser and webhookPassword for webhooks (polled without them).
 */
public final class HaloPsaProvider extends PsaProvider {

    public HaloPsaProvider() {
        super(HaloPsaTicketSystem.KIND, "HaloPSA", List.of(
                SettingSpec.required("apiBase", "API base URL (https://{tenant}.halopsa.com/api/)"),
                SettingSpec.required("tokenUrl", "Token URL ({auth_url}/token?tenant={tenant})"),
                SettingSpec.required("clientId", "OAuth client id"),
                SettingSpec.secret("clientSecret", "OAuth client secret"),
                SettingSpec.required("replyOutcomeId", "Outcome id that e-mails the user"),
                SettingSpec.optional("scope", "Scope (default all)"),
                SettingSpec.optional("pageSize", "Page size (default 100)"),
                SettingSpec.optional("internalOutcomeId", "Private note outcome id (default 7)"),
                SettingSpec.optional("webhookUser", "Webhook Basic user (webhooks off without it)"),
                SettingSpec.optionalSecret("webhookPassword", "Webhook Basic password")));
    }

    @Override
    protected PsaSystem ticketSystem(Settings s, HttpSettings http, ProviderContext context) {
        s.required("replyOutcomeId");
        return new HaloPsaTicketSystem(new HaloPsaSettings(s.uri("apiBase"), s.uri("tokenUrl"), s.required("clientId"),
                s.secret("clientSecret"), s.optional("scope").orElse("all"), s.number("pageSize", 100),
                s.number("internalOutcomeId", 7), s.number("replyOutcomeId", 0), http), context.clock());
    }

    @Override
    protected WebhookReader webhookReader(Settings s, TicketSystem system) {
        return new HaloPsaWebhookReader(s.required("webhookUser"), s.secret("webhookPassword"));
    }
}
