package dev.steward.adapter.psa.connectwise;

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
    public String label() {
        return "ConnectWise Manage";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(SettingSpec.required("apiBase", "API base URL (https://{host}/{codebase}/apis/3.0/)"),
                SettingSpec.required("companyId", "Login company id"),
                SettingSpec.required("publicKey", "API member public key"),
                SettingSpec.secret("privateKey", "API member private key"),
                SettingSpec.secret("clientId", "Integration client id (GUID)"),
                SettingSpec.optional("pageSize", "Page size, 1-1000 (default 100)"),
                SettingSpec.optional("boardId", "Service board to poll (default all)"));
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
