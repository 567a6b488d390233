package dev.steward.adapter.m365;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.problem.InvalidValue;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code m365} integration kind: Microsoft 365 through the MSP's partner tenant (GDAP). Connected once, MSP-wide,
 * with the partner tenant's multi-tenant app (client id plus a client secret or a certificate); each client is then
 * mapped to one of the partner's customer tenants, where its tools run with app-only tokens of that tenant. Found
 * with {@link java.util.ServiceLoader}; no Guice.
 */
public final class M365IntegrationProvider implements IntegrationProvider {

    static final String KIND = "m365";

    private final SecureRandom random = new SecureRandom();
    private final M365Tools definitions = new M365Tools(random);
    private final IntegrationKind kind = new IntegrationKind(KIND, "Microsoft 365 (GDAP)", Set.of(IntegrationScope.MSP),
            List.of(SettingSpec.required(M365Settings.TENANT, "Partner tenant: its id or domain, e.g. "
                            + "northwind.onmicrosoft.com"),
                    SettingSpec.required(M365Settings.CLIENT_ID, "Application (client) id of the partner tenant's "
                            + "multi-tenant app"),
                    SettingSpec.optionalSecret(M365Settings.CLIENT_SECRET, "Client secret of that app (or give a "
                            + "certificate instead)"),
                    SettingSpec.optionalSecret(M365Settings.CERTIFICATE, "Certificate and its unencrypted private "
                            + "key, PEM (used instead of the secret)"),
                    SettingSpec.optional(M365Settings.AUTHORITY_URL, "Sign-in authority of a national cloud "
                            + "(default https://login.microsoftonline.com)"),
                    SettingSpec.optional(M365Settings.GRAPH_URL, "Microsoft Graph of a national cloud (default "
                            + "https://graph.microsoft.com)")),
            definitions.all().stream().map(M365IntegrationProvider::tool).toList(), Map.of());

    @Override
    public IntegrationKind kind() {
        return kind;
    }

    /**
     * Signs in to the partner tenant and reads its GDAP customers before anything is kept, so a wrong tenant, client
     * id, secret or certificate, or a missing permission, is refused naming its field.
     */
    @Override
    public IntegrationConnection connect(Integration integration, IntegrationSettings values, ProviderContext context) {
        M365Settings settings = M365Settings.from(values.all(), context);
        HttpPolicy policy = new HttpPolicy(context.requestTimeout(), context.maxAttempts(), context.maxRetryWait(),
                Duration.ofSeconds(1));
        HttpClient http = HttpClient.newBuilder().connectTimeout(context.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            TenantTokens tokens = new TenantTokens(settings, http, policy, context.clock());
            Graph graph = new Graph(settings, tokens, http, policy, Sleeper.REAL);
            CustomerTenants customers = new CustomerTenants(new TenantGraph(graph, settings.partnerTenant(),
                    "the partner tenant " + settings.partnerTenant()), context.clock());
            check(settings, tokens, customers);
            return new M365Connection(kind.tools(), definitions, graph, http, customers);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    private static void check(M365Settings settings, TenantTokens tokens, CustomerTenants customers) {
        try {
            tokens.token(settings.partnerTenant());
        } catch (TokenRefused refused) {
            throw switch (refused.reason()) {
                case UNKNOWN_TENANT -> InvalidValue.of("settings." + M365Settings.TENANT, "unknown",
                        "is not a Microsoft tenant (" + refused.description() + ")");
                case APP_NOT_IN_TENANT, APP_DISABLED -> InvalidValue.of("settings." + M365Settings.CLIENT_ID, "unknown",
                        "is not a usable app of tenant " + settings.partnerTenant() + " (" + refused.description() + ")");
                case BAD_SECRET, BAD_CERTIFICATE, OTHER -> InvalidValue.of(settings.credential().field(), "refused",
                        "was refused by Microsoft (" + refused.description() + ")");
            };
        }
        try {
            customers.all();
        } catch (PortFailure failure) {
            if (failure.retryable()) {
                throw failure;
            }
            throw InvalidValue.of("settings." + M365Settings.CLIENT_ID, "not-permitted", "cannot list the partner's "
                    + "customer tenants: " + failure.getMessage());
        }
    }

    private static Tool tool(M365Tools.Definition definition) {
        Tool tool = new Tool(ToolName.of(definition.name()), definition.effect(), definition.description())
                .taking(definition.inputs().toArray(ToolParameter[]::new));
        return definition.sensitive() ? tool.asSensitive() : tool;
    }
}
