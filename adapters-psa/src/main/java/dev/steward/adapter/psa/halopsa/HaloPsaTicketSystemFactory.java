package dev.steward.adapter.psa.halopsa;

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

/** HaloPSA from settings: apiBase, tokenUrl, clientId, clientSecret, replyOutcomeId; scope, pageSize, internalOutcomeId. */
public final class HaloPsaTicketSystemFactory implements TicketSystemFactory {

    @Inject
    public HaloPsaTicketSystemFactory() {
    }

    @Override
    public String kind() {
        return HaloPsaTicketSystem.KIND;
    }

    @Override
    public String label() {
        return "HaloPSA";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(SettingSpec.required("apiBase", "API base URL (https://{tenant}.halopsa.com/api/)"),
                SettingSpec.required("tokenUrl", "Token URL ({auth_url}/token?tenant={tenant})"),
                SettingSpec.required("clientId", "OAuth client id"),
                SettingSpec.secret("clientSecret", "OAuth client secret"),
                SettingSpec.required("replyOutcomeId", "Outcome id that e-mails the user"),
                SettingSpec.optional("scope", "Scope (default all)"),
                SettingSpec.optional("pageSize", "Page size (default 100)"),
                SettingSpec.optional("internalOutcomeId", "Private note outcome id (default 7)"),
                SettingSpec.optional("webhookUser", "Webhook Basic user (webhooks off without it)"),
                SettingSpec.optionalSecret("webhookPassword", "Webhook Basic password"));
    }

    @Override
    public TicketSystem create(Map<String, String> values, Clock clock) {
        Settings s = new Settings(values);
        s.required("replyOutcomeId");
        return new HaloPsaTicketSystem(new HaloPsaSettings(s.uri("apiBase"), s.uri("tokenUrl"), s.required("clientId"),
                s.secret("clientSecret"), s.optional("scope").orElse("all"), s.number("pageSize", 100),
                s.number("internalOutcomeId", 7), s.number("replyOutcomeId", 0),
                HttpSettings.DEFAULT), clock);
    }

    @Override
    public WebhookReader webhookReader(Map<String, String> values, TicketSystem system) {
        Settings s = new Settings(values);
        return new HaloPsaWebhookReader(s.required("webhookUser"), s.secret("webhookPassword"));
    }
}
