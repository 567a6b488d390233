package dev.steward.adapter.duo;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.problem.InvalidValue;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Duo ({@code duo}), MSP-wide: verifies a session's requester with a push before a sensitive tool runs. Settings:
 * apiHost, integrationKey, secretKey (an Auth API application); usernameFrom ({@code email} or {@code localpart}) and
 * pushTimeoutSeconds. Connecting calls {@code /auth/v2/check}, so a wrong key is refused at once.
 */
public final class DuoProvider implements IntegrationProvider {

    static final IntegrationKind KIND = new IntegrationKind("duo", "Duo", Set.of(IntegrationScope.MSP), List.of(
            SettingSpec.required("apiHost", "API hostname (api-XXXXXXXX.duosecurity.com)"),
            SettingSpec.required("integrationKey", "Auth API integration key"),
            SettingSpec.secret("secretKey", "Auth API secret key"),
            SettingSpec.optional("usernameFrom", "Duo user name from the requester's e-mail: email (default) or "
                    + "localpart"),
            SettingSpec.optional("pushTimeoutSeconds", "How long to wait for the requester to answer, 1-300 "
                    + "(default 60)")), List.of(), Map.of());

    private final HttpClient http;
    private final DuoClient.Pause pause;

    public DuoProvider() {
        this(HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build(), Thread::sleep);
    }

    DuoProvider(HttpClient http, DuoClient.Pause pause) {
        this.http = http;
        this.pause = pause;
    }

    @Override
    public IntegrationKind kind() {
        return KIND;
    }

    @Override
    public IntegrationConnection connect(Integration integration, IntegrationSettings values,
                                         ProviderContext context) {
        DuoSettings settings = DuoSettings.from(values.all());
        DuoClient client = new DuoClient(settings, context, http, pause);
        try {
            client.get("/auth/v2/check", Map.of(), context.requestTimeout());
        } catch (DuoClient.Fail fail) {
            if (fail.status() == 401) {
                throw InvalidValue.of("secrets.secretKey", "rejected", "was refused by Duo, or does not belong to "
                        + "the integration key in settings.integrationKey");
            }
            throw PortFailure.permanent(DuoClient.PORT, fail.getMessage(), null);
        }
        return new DuoConnection(settings, client, context.clock());
    }
}
