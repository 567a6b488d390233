package dev.steward.adapter.psa.connectwise;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.adapter.psa.common.WebhookReader;
import dev.steward.application.port.TicketSystem;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** ConnectWise Manage from settings: apiBase, companyId, publicKey, privateKey, clientId; pageSize, boardId. */
public final class ConnectWiseTicketSystemFactory implements TicketSystemFactory {

    @Inject
    public ConnectWiseTicketSystemFactory() {
    }

    @Override
    public String kind() {
        return ConnectWiseTicketSystem.KIND;
    }

    @Override
    public Map<String, String> keys() {
        return Map.of("apiBase", "https://{host}/{codebase}/apis/3.0/", "companyId", "login company id",
                "publicKey", "API member public key", "privateKey", "secret", "clientId", "secret (integration GUID)",
                "pageSize", "optional, 1-1000 (default 100)", "boardId", "optional, the service board to poll");
    }

    @Override
    public TicketSystem create(Map<String, String> values, Clock clock) {
        Settings s = new Settings(values);
        Optional<Integer> board = s.optional("boardId").map(b -> s.number("boardId", 0));
        return new ConnectWiseTicketSystem(new ConnectWiseSettings(s.uri("apiBase"), s.required("companyId"),
                s.required("publicKey"), s.secret("privateKey"), s.secret("clientId"), s.number("pageSize", 100),
                board, HttpSettings.DEFAULT));
    }

    @Override
    public WebhookReader webhookReader(Map<String, String> values, TicketSystem system) {
        if (!(system instanceof ConnectWiseTicketSystem cw)) {
            throw new IllegalArgumentException("a ConnectWise webhook reader needs the ConnectWise ticket system");
        }
        return new ConnectWiseWebhookReader(cw, new Settings(values).uri("apiBase"));
    }
}
