package dev.steward.adapter.psa.halopsa;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.adapter.psa.common.WebhookReader;
import dev.steward.application.port.TicketSystem;
import jakarta.inject.Inject;
import java.time.Clock;
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
    public Map<String, String> keys() {
        return Map.of("apiBase", "https://{tenant}.halopsa.com/api/", "tokenUrl", "{auth_url}/token?tenant={tenant}",
                "clientId", "OAuth client id", "clientSecret", "secret", "scope", "optional (default all)",
                "pageSize", "optional (default 100)", "internalOutcomeId", "optional (default 7, private note)",
                "replyOutcomeId", "the outcome that e-mails the user", "webhookUser", "Basic user Halo sends",
                "webhookPassword", "secret: Basic password Halo sends");
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
