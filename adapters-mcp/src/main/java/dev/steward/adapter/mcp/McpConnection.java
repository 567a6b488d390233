package dev.steward.adapter.mcp;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionClosedException;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP server, live: an initialized SDK client, the tools it offers now (kept current when the server announces
 * that its list changed), and whether it answers. A server that stopped answering fails its calls at once for
 * {@link #RETRY_AFTER} ("unreachable since …") instead of making every call wait for a timeout; after that a call
 * opens a new session. A server that lost the session (it restarted) gets one new session and the call once more.
 */
final class McpConnection implements IntegrationConnection {

    /** How long a server that stopped answering is not asked again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(McpConnection.class);

    private final String server;
    private final Function<Consumer<List<McpSchema.Tool>>, McpSyncClient> opener;
    private final Clock clock;
    private final Duration requestTimeout;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Optional<OAuthTokens> tokens;
    private volatile McpSyncClient client;
    private volatile List<Tool> tools;
    private volatile Instant unreachableSince;
    private volatile Instant lastAttempt;

    /**
     * @param server the integration's kind, {@code mcp:<name>}, which names its tools
     * @param opener builds and initializes a client that reports tool list changes to the consumer given
     * @throws dev.steward.domain.problem.InvalidValue ({@code settings.url}) if a tool's name or schema is unusable
     */
    McpConnection(String server, Function<Consumer<List<McpSchema.Tool>>, McpSyncClient> opener, Clock clock,
                  Duration requestTimeout, String field) {
        this(server, opener, clock, requestTimeout, field, Optional.empty());
    }

    /** @param tokens the server's OAuth tokens, when it is authorized with OAuth; their renewals are reported */
    McpConnection(String server, Function<Consumer<List<McpSchema.Tool>>, McpSyncClient> opener, Clock clock,
                  Duration requestTimeout, String field, Optional<OAuthTokens> tokens) {
        this.tokens = tokens;
        this.server = server;
        this.opener = opener;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.client = opener.apply(this::toolsChanged);
        try {
            this.tools = McpCatalog.translate(server, client.listTools().tools(), field);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public synchronized List<Tool> refreshTools() {
        failFastWhileUnreachable();
        try {
            adopt(client.listTools().tools());
        } catch (McpError e) {
            throw PortFailure.permanent("mcp", server + " refused to list its tools: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rethrowRefusedAuthorization(e);
            reopen(e, client);
            adopt(client.listTools().tools());
        }
        return tools;
    }

    @Override
    public void onToolsChanged(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void onSecretsRenewed(Consumer<IntegrationSettings> listener) {
        tokens.ifPresent(t -> t.onRenewed(listener));
    }

    @Override
    public Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        Tool tool = tools.stream().filter(t -> t.name().equals(call.tool())).findFirst()
                .orElseThrow(() -> new NotFound("tool", call.tool().value()));
        McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder().name(call.tool().action())
                .arguments(arguments(tool, call.arguments())).build();
        McpSchema.CallToolResult result = call(call.tool(), tool.effect() == ToolEffect.READ_ONLY, request);
        String summary = McpResults.summary(result);
        if (Boolean.TRUE.equals(result.isError())) {
            throw PortFailure.permanent("mcp", call.tool() + " reported an error: " + summary, null);
        }
        return ToolResult.of(summary);
    }

    /** Not synchronized: calls run side by side on one session; only replacing the session is. */
    private McpSchema.CallToolResult call(ToolName tool, boolean readOnly, McpSchema.CallToolRequest request) {
        failFastWhileUnreachable();
        if (unreachableSince != null) {
            reopen(null, client); // tried again after a while: on a new session
        }
        McpSyncClient session = client;
        try {
            return session.callTool(request);
        } catch (McpError e) {
            // the server answered, refusing the call (unknown tool, invalid arguments)
            throw PortFailure.permanent("mcp", tool + " was refused by the server: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rethrowRefusedAuthorization(e);
            if (caused(e, TimeoutException.class)) {
                throw PortFailure.retryable("mcp", tool + " did not answer within " + requestTimeout.toSeconds()
                        + " s", e);
            }
            boolean neverRan = caused(e, McpTransportSessionNotFoundException.class)
                    || caused(e, ConnectException.class) || caused(e, McpTransportSessionClosedException.class);
            if (!neverRan && !readOnly) {
                // it may have run: a write is not sent twice; the next call gets a new session
                markUnreachable();
                lastAttempt = lastAttempt.minus(RETRY_AFTER);
                throw PortFailure.retryable("mcp", tool + " failed: " + server + " did not answer ("
                        + e.getClass().getSimpleName() + "); it may or may not have run", e);
            }
            // the call never ran (the server lost our session or refused the connection), or it only reads
            reopen(e, session);
            try {
                return client.callTool(request);
            } catch (McpError again) {
                throw PortFailure.permanent("mcp", tool + " was refused by the server: " + again.getMessage(), again);
            } catch (RuntimeException again) {
                markUnreachable();
                throw PortFailure.retryable("mcp", tool + " failed: " + server + " did not answer", again);
            }
        }
    }

    private void failFastWhileUnreachable() {
        Instant since = unreachableSince;
        if (since != null && clock.instant().isBefore(lastAttempt.plus(RETRY_AFTER))) {
            throw PortFailure.retryable("mcp", server + " is unreachable since " + since, null);
        }
    }

    /** A new session; the server stays unreachable (since when it first failed) if it cannot be opened. */
    private synchronized void reopen(Throwable cause, McpSyncClient failed) {
        if (client != failed) {
            return; // another call opened a new session already
        }
        LOG.info("MCP server {}: opening a new session ({})", server,
                cause == null ? "trying again after it was unreachable" : cause.getClass().getSimpleName());
        try {
            client.close();
        } catch (RuntimeException ignored) {
            // the old session is gone either way
        }
        try {
            client = opener.apply(this::toolsChanged);
            adopt(client.listTools().tools());
            unreachableSince = null;
        } catch (RuntimeException e) {
            rethrowRefusedAuthorization(e);
            markUnreachable();
            throw PortFailure.retryable("mcp", server + " is unreachable since " + unreachableSince, e);
        }
    }

    /**
     * A failure Steward's own request hooks raised (the server's OAuth token could not be renewed) is said as such:
     * the server is not down, its authorization is gone.
     */
    private static void rethrowRefusedAuthorization(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortFailure failure) {
                throw failure;
            }
        }
    }

    private void markUnreachable() {
        Instant now = clock.instant();
        lastAttempt = now;
        if (unreachableSince == null) {
            unreachableSince = now;
        }
    }

    /** The SDK lists the tools again when the server says its list changed. */
    private void toolsChanged(List<McpSchema.Tool> offered) {
        adopt(offered);
        // the listeners store the new list: off the SDK's event thread
        Thread.ofVirtual().name("mcp-tools-changed").start(() -> listeners.forEach(Runnable::run));
    }

    private void adopt(List<McpSchema.Tool> offered) {
        List<String> skipped = new ArrayList<>();
        tools = McpCatalog.usable(server, offered, skipped);
        if (!skipped.isEmpty()) {
            LOG.warn("MCP server {} offers tools Steward cannot name or describe; they are left out: {}", server,
                    skipped.size());
        }
    }

    /** Arguments travel as text; each goes to the server as the JSON type its parameter declares. */
    static Map<String, Object> arguments(Tool tool, Map<String, String> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            ToolParameter.Type type = tool.input().parameter(name).map(ToolParameter::type)
                    .orElse(ToolParameter.Type.STRING);
            out.put(name, switch (type) {
                case STRING -> value;
                case INTEGER -> Long.parseLong(value);
                case NUMBER -> new java.math.BigDecimal(value);
                case BOOLEAN -> Boolean.parseBoolean(value);
                case JSON -> Json.parse(value);
            });
        });
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            client.closeGracefully();
        } catch (RuntimeException e) {
            client.close();
        }
    }

    static boolean caused(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
