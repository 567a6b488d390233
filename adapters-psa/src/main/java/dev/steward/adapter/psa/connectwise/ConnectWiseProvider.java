package dev.steward.adapter.psa.connectwise;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.PsaProvider;
import dev.steward.adapter.psa.common.PsaSystem;
import dev.steward.adapter.psa.common.Settings;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.SettingSpec;
import java.util.List;
import java.util.Optional;

/**
 * ConnectWise Manage ({@code connectwise}) from settings: apiBase, companyId, publicKey, privateKey, clientId; pageSize,
 * boardId. Its callbacks are verified with the signing key ConnectWise serves (no setting needed).
 */
public final class ConnectWiseProvider extends PsaProvider {

    public ConnectWiseProvider() {
        super(ConnectWiseTicketSystem.KIND, "ConnectWise Manage", List.of(
                SettingSpec.required("apiBase", "API base URL (https://{host}/{codebase}/apis/3.0/)"),
                SettingSpec.required("companyId", "Login company id"),
                SettingSpec.required("publicKey", "API member public key"),
                SettingSpec.secret("privateKey", "API member private key"),
                SettingSpec.secret("clientId", "Integration client id (GUID)"),
                SettingSpec.optional("pageSize", "Page size, 1-1000 (default 100)"),
                SettingSpec.optional("boardId", "Service board to poll (default all)")));
    }

    @Override
    protected PsaSystem ticketSystem(Settings s, HttpSettings http, ProviderContext context) {
        Optional<Integer> board = s.optional("boardId").map(b -> s.number("boardId", 0));
        return new ConnectWiseTicketSystem(new ConnectWiseSettings(s.uri("apiBase"), s.required("companyId"),
                s.required("publicKey"), s.secret("privateKey"), s.secret("clientId"), s.number("pageSize", 100),
                board, http));
    }

    @Override
    protected WebhookReader webhookReader(Settings s, TicketSystem system) {
        return new ConnectWiseWebhookReader((ConnectWiseTicketSystem) system, s.uri("apiBase"));
    }
}
