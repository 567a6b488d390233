package dev.steward.adapter.mcp;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.AuthorizationFlow;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.problem.InvalidValue;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientTransportAuthorizationErrorHandler;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.channels.UnresolvedAddressException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Custom MCP servers, on the official MCP Java SDK. Each connection is one server, its kind {@code mcp:<name>} (the
 * name the MSP gives it, which names its tools {@code mcp:<name>:<tool>}), MSP-wide or for one client. It is reached
 * over Streamable HTTP at {@code url}, with no authentication or a static secret sent in a header ({@code token} as
 * {@code Authorization: Bearer <token>}, or as the whole value of {@code header}); or, only when the installation
 * allows it ({@code STEWARD_MCP_STDIO=enabled}, since it runs a process on the control plane's host), started as a
 * local {@code command} speaking stdio. Connecting runs initialize and lists every tool (all pages).
 */
public final class McpProvider implements IntegrationProvider {

    /** The environment variable with which an administrator lets MCP servers be started as local commands. */
    public static final String STDIO_SWITCH = "STEWARD_MCP_STDIO";

    static final String KIND = "mcp";

    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("host", "content-length", "connection",
            "mcp-session-id", "mcp-protocol-version", "accept", "content-type");
    private static final IntegrationKind MCP = new IntegrationKind(KIND, "Custom MCP server",
            Set.of(IntegrationScope.MSP, IntegrationScope.CLIENT),
            List.of(SettingSpec.optional("url", "Streamable HTTP URL of the server, e.g. https://rmm.example/mcp"),
                    SettingSpec.optional("header", "Header that carries the secret (default: Authorization: Bearer)"),
                    SettingSpec.optionalSecret("token", "Bearer token or header value"),
                    SettingSpec.optional("command", "Local command speaking stdio (only if the installation allows)"),
                    SettingSpec.optional(McpAuthorization.AUTH, "Authentication: none, token, or oauth (authorized in"
                            + " the browser when the server advertises OAuth)"),
                    SettingSpec.optional(McpAuthorization.CLIENT_ID, "OAuth client id, only if the authorization server"
                            + " offers no registration"),
                    SettingSpec.optionalSecret(McpAuthorization.CLIENT_SECRET, "OAuth client secret, if it issued one"),
                    SettingSpec.written(OAuthGrant.SETTING, "OAuth grant (token endpoint, client authentication,"
                            + " expiry)"),
                    SettingSpec.writtenSecret(McpAuthorization.ACCESS_TOKEN, "OAuth access token"),
                    SettingSpec.writtenSecret(McpAuthorization.REFRESH_TOKEN, "OAuth refresh token")),
            List.of(), Map.of());

    private final boolean stdioAllowed;

    /** Reads {@value #STDIO_SWITCH} from the environment. */
    public McpProvider() {
        this("enabled".equalsIgnoreCase(System.getenv(STDIO_SWITCH)));
    }

    McpProvider(boolean stdioAllowed) {
        this.stdioAllowed = stdioAllowed;
    }

    @Override
    public IntegrationKind kind() {
        return MCP;
    }

    @Override
    public Optional<AuthorizationFlow> authorizationFlow() {
        return Optional.of(new McpAuthorization());
    }

    @Override
    public IntegrationConnection connect(Integration integration, IntegrationSettings values, ProviderContext context) {
        String server = integration.kind();
        Optional<String> url = given(values.settings(), "url");
        Optional<String> command = given(values.settings(), "command");
        if (url.isPresent() == command.isPresent()) {
            throw InvalidValue.of("settings.url", "required", "give the server's Streamable HTTP URL"
                    + (stdioAllowed ? " or a stdio command, not both" : ""));
        }
        String field = url.isPresent() ? "settings.url" : "settings.command";
        Optional<OAuthTokens> tokens = oauth(server, values, context, url.isPresent());
        McpSchema.ClientCapabilities capabilities = McpSchema.ClientCapabilities.builder().build();
        try {
            return new McpConnection(server, onToolsChanged -> {
                McpSyncClient client = McpClient.sync(url.isPresent()
                        ? http(url.get(), values, context, tokens) : stdio(command.get()))
                        .clientInfo(new McpSchema.Implementation("steward", "1"))
                        .capabilities(capabilities)
                        .requestTimeout(context.requestTimeout())
                        .initializationTimeout(context.requestTimeout())
                        .toolsChangeConsumer(onToolsChanged)
                        .build();
                try {
                    client.initialize();
                } catch (RuntimeException e) {
                    client.close();
                    throw e;
                }
                return client;
            }, context.clock(), context.requestTimeout(), field, tokens);
        } catch (InvalidValue | PortFailure e) {
            throw e;
        } catch (McpError e) {
            throw InvalidValue.of(field, "not-mcp", "the server refused MCP's initialize or tools/list ("
                    + e.getMessage() + ")");
        } catch (RuntimeException e) {
            Optional<McpHttpClientTransportAuthorizationException> refused = cause(e,
                    McpHttpClientTransportAuthorizationException.class);
            if (refused.isPresent()) {
                if (tokens.isPresent()) {
                    throw InvalidValue.of("settings.auth", "refused", "the server refused its OAuth access token"
                            + " (" + refused.get().getResponseInfo().statusCode() + "): authorize it again (Authorize"
                            + " again on its page, or POST /api/v1/integrations/{id}/authorizations)");
                }
                boolean advertisesOAuth = refused.get().getResponseInfo().statusCode() == 401
                        && refused.get().getResponseInfo().headers().allValues("WWW-Authenticate").stream()
                        .anyMatch(h -> h.contains("resource_metadata") || h.toLowerCase().startsWith("bearer"));
                if (advertisesOAuth && given(values.secrets(), "token").isEmpty()) {
                    throw InvalidValue.of("settings.auth", "oauth-required", "the server asks for OAuth: set"
                            + " settings.auth to oauth and authorize it in the browser (POST"
                            + " /api/v1/integrations/authorizations, or Connect with OAuth on the dashboard)");
                }
                throw InvalidValue.of("secrets.token", "refused", "was refused by the server (401/403): give the"
                        + " token it expects" + (advertisesOAuth ? ", or authorize it with OAuth (settings.auth=oauth)"
                        : ""));
            }
            if (McpConnection.caused(e, ConnectException.class) || McpConnection.caused(e, UnresolvedAddressException.class)) {
                throw PortFailure.retryable("mcp", server + " could not be reached at " + field, e);
            }
            throw InvalidValue.of(field, "not-mcp", "did not answer as an MCP server (initialize failed: "
                    + rootCause(e) + ")");
        }
    }

    /**
     * The server's OAuth tokens when {@code auth} is {@code oauth}.
     *
     * @throws InvalidValue ({@code settings.auth}) for another value than none, token or oauth, for OAuth without
     *     a URL or with a static token too, and for OAuth not authorized yet
     */
    private static Optional<OAuthTokens> oauth(String server, IntegrationSettings values, ProviderContext context,
                                               boolean overHttp) {
        String auth = given(values.settings(), McpAuthorization.AUTH).orElse("");
        if (!Set.of("", "none", "token", McpAuthorization.OAUTH).contains(auth)) {
            throw InvalidValue.of("settings.auth", "unknown", "must be none, token or oauth");
        }
        if (!auth.equals(McpAuthorization.OAUTH)) {
            return Optional.empty();
        }
        if (!overHttp) {
            throw InvalidValue.of("settings.auth", "not-http", "OAuth authorizes servers reached over HTTP only;"
                    + " a stdio command takes its credentials from its own environment");
        }
        if (given(values.secrets(), "token").isPresent()) {
            throw InvalidValue.of("secrets.token", "not-with-oauth", "must not be given with OAuth: the"
                    + " authorization's access token is sent instead");
        }
        return Optional.of(new OAuthTokens(server, values, context));
    }

    private static McpClientTransport http(String url, IntegrationSettings values, ProviderContext context,
                                           Optional<OAuthTokens> tokens) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw InvalidValue.of("settings.url", "malformed", "must be an http(s) URL");
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase())
                || uri.getHost() == null || uri.getUserInfo() != null) {
            throw InvalidValue.of("settings.url", "malformed",
                    "must be an http(s) URL with a host and no user name, e.g. https://rmm.example/mcp");
        }
        context.baseUrl("settings.url", url); // https, plain http only to loopback unless the installation allows it
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            endpoint += "?" + uri.getRawQuery();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder();
        Optional<String> token = given(values.secrets(), "token");
        Optional<String> header = given(values.settings(), "header");
        if (header.isPresent() && (!HEADER.matcher(header.get()).matches()
                || FORBIDDEN_HEADERS.contains(header.get().toLowerCase()))) {
            throw InvalidValue.of("settings.header", "malformed", "must be a header name of letters, digits and"
                    + " '-', not one MCP or HTTP itself uses");
        }
        if (header.isPresent() && token.isEmpty()) {
            throw InvalidValue.of("secrets.token", "required", "is required when a header is named");
        }
        if (token.isPresent()) {
            if (token.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw InvalidValue.of("secrets.token", "malformed", "must not contain control characters");
            }
            request.header(header.orElse("Authorization"), header.isPresent() ? token.get() : "Bearer " + token.get());
        }
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint).requestBuilder(request).connectTimeout(context.connectTimeout());
        tokens.ifPresent(oauth -> transport
                // every request carries the current access token, renewed shortly before it expires ...
                .httpRequestCustomizer((builder, method, endpointUri, body, transportContext) ->
                        builder.setHeader("Authorization", "Bearer " + oauth.accessToken()))
                // ... and a request the server refused with a 401 is sent once more with a renewed one
                .authorizationErrorHandler(McpHttpClientTransportAuthorizationErrorHandler.fromSync(
                        (sent, response, transportContext) -> response.statusCode() == 401
                                && oauth.renewAfterRefusal(sent.headers().firstValue("Authorization")
                                        .map(h -> h.substring(Math.min(h.length(), "Bearer ".length()))).orElse("")))));
        return transport.build();
    }

    private StdioClientTransport stdio(String command) {
        if (!stdioAllowed) {
            throw InvalidValue.of("settings.command", "not-allowed", "MCP servers are started as local commands only"
                    + " when the installation allows it (" + STDIO_SWITCH + "=enabled); give settings.url instead");
        }
        List<String> words = Arrays.stream(command.trim().split("\\s+")).toList();
        return new StdioClientTransport(ServerParameters.builder(words.getFirst()).args(words.subList(1,
                words.size())).build(), McpJsonDefaults.getMapper());
    }

    private static Optional<String> given(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + (message.length() > 200 ? message.substring(0, 200) : message);
    }
}
