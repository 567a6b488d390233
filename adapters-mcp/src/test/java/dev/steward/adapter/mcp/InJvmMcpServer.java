package dev.steward.adapter.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * An MCP server built with the same SDK, in embedded Tomcat as the SDK's own tests run it, for the fault cases the
 * reference server cannot produce on demand: a slow tool, an {@code isError} result, a 5 MB result, a list that
 * changes, a restart mid-session (same port, sessions lost), a bearer token it demands.
 */
public final class InJvmMcpServer implements AutoCloseable {

    static final String TOKEN = "s3cret-token";
    static final int FIVE_MB = 5 * 1024 * 1024;

    final AtomicInteger calls = new AtomicInteger();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final int port;
    private final Optional<String> token;
    private final List<SyncToolSpecification> extra = new CopyOnWriteArrayList<>();
    private Tomcat tomcat;
    private McpSyncServer server;

    private final boolean faults;

    /** A server with well-behaved tools only, or also the faulty ones ({@code faults}). */
    InJvmMcpServer(Optional<String> token, boolean faults) {
        this.port = freePort();
        this.token = token;
        this.faults = faults;
        start();
    }

    /**
     * A resource server as MCP's authorization spec has it: it takes only tokens {@code as} issued for it, answers
     * anything else with 401 and a challenge (naming its protected resource metadata when {@code namesMetadata},
     * always with the scope it needs), and serves that metadata (RFC 9728) at the well-known URI with its path,
     * naming {@code resource} (its own URL unless a test says otherwise) and {@code as}.
     */
    public static InJvmMcpServer protectedBy(AuthorizationServerStub as, boolean namesMetadata,
                                             Optional<String> resource) {
        InJvmMcpServer server = new InJvmMcpServer(Optional.empty(), false, true);
        server.oauth = new OAuthProtection(as, namesMetadata, resource.orElse(server.url()));
        server.start();
        return server;
    }

    private record OAuthProtection(AuthorizationServerStub as, boolean namesMetadata, String resource) {}

    private volatile OAuthProtection oauth;

    private InJvmMcpServer(Optional<String> token, boolean faults, boolean later) {
        this.port = freePort();
        this.token = token;
        this.faults = faults;
    }

    String resourceMetadataUrl() {
        return "http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp";
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    void start() {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider
                .builder().jsonMapper(McpJsonDefaults.getMapper()).mcpEndpoint("/mcp").build();
        server = McpServer.sync(transport).serverInfo("in-jvm", "1")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tools()).build();
        extra.forEach(server::addTool);
        tomcat = new Tomcat();
        tomcat.setPort(port);
        String base;
        try {
            base = Files.createTempDirectory("mcp-tomcat").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tomcat.setBaseDir(base);
        Context context = tomcat.addContext("", base);
        org.apache.catalina.Wrapper wrapper = context.createWrapper();
        wrapper.setName("mcp");
        wrapper.setServlet(transport);
        wrapper.setLoadOnStartup(1);
        wrapper.setAsyncSupported(true);
        context.addChild(wrapper);
        context.addServletMappingDecoded("/*", "mcp");
        FilterDef auth = new FilterDef();
        auth.setFilter(bearer());
        auth.setFilterName("bearer");
        auth.setAsyncSupported("true");
        context.addFilterDef(auth);
        FilterMap map = new FilterMap();
        map.setFilterName("bearer");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.getConnector().setAsyncTimeout(30_000);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        try {
            server.close();
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a tool and tells connected clients that the list changed. */
    void add(SyncToolSpecification tool) {
        extra.add(tool);
        server.addTool(tool);
        server.notifyToolsListChanged();
    }

    /** Removes a tool and tells connected clients that the list changed. */
    void remove(String name) {
        extra.removeIf(t -> t.tool().name().equals(name));
        server.removeTool(name);
        server.notifyToolsListChanged();
    }

    @Override
    public void close() {
        stop();
    }

    static SyncToolSpecification tool(String name, McpSchema.ToolAnnotations annotations, String text) {
        return SyncToolSpecification.builder().tool(McpSchema.Tool.builder(name, Map.of("type", "object",
                        "properties", Map.of())).description("answers " + text).annotations(annotations).build())
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .content(List.of(new McpSchema.TextContent(text))).build())
                .build();
    }

    private List<SyncToolSpecification> tools() {
        McpSchema.ToolAnnotations readOnly = McpSchema.ToolAnnotations.builder().readOnlyHint(true).build();
        McpSchema.ToolAnnotations writing = McpSchema.ToolAnnotations.builder().readOnlyHint(false).build();
        List<SyncToolSpecification> wellBehaved = List.of(
                SyncToolSpecification.builder().tool(McpSchema.Tool.builder("echo", Map.of("type", "object",
                                "properties", Map.of("message", Map.of("type", "string", "description", "what to echo"),
                                        "times", Map.of("type", "integer")), "required", List.of("message")))
                                .description("Echoes the message").annotations(readOnly).build())
                        .callHandler((exchange, request) -> {
                            calls.incrementAndGet();
                            Object times = request.arguments().getOrDefault("times", 1);
                            return McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(
                                    "Echo: " + request.arguments().get("message") + " x" + times))).build();
                        }).build(),
                tool("delete-device", null, "deleted"),
                tool("list-devices", null, "two devices"),
                tool("rotate-keys", null, "rotated"),
                tool("search-hidden", writing, "written although named search"));
        if (!faults) {
            return wellBehaved;
        }
        List<SyncToolSpecification> all = new java.util.ArrayList<>(wellBehaved);
        all.addAll(List.of(
                SyncToolSpecification.builder().tool(McpSchema.Tool.builder("slow", Map.of("type", "object"))
                                .annotations(readOnly).build())
                        .callHandler((exchange, request) -> {
                            try {
                                Thread.sleep(15_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return McpSchema.CallToolResult.builder().content(List.of(
                                    new McpSchema.TextContent("late"))).build();
                        }).build(),
                SyncToolSpecification.builder().tool(McpSchema.Tool.builder("fails", Map.of("type", "object"))
                                .annotations(readOnly).build())
                        .callHandler((exchange, request) -> McpSchema.CallToolResult.builder().isError(true)
                                .content(List.of(new McpSchema.TextContent("the device is offline"))).build()).build(),
                SyncToolSpecification.builder().tool(McpSchema.Tool.builder("get-big", Map.of("type", "object"))
                                .annotations(readOnly).build())
                        .callHandler((exchange, request) -> McpSchema.CallToolResult.builder().content(List.of(
                                new McpSchema.TextContent("x".repeat(FIVE_MB)),
                                new McpSchema.ImageContent(null, "aGVsbG8=", "image/png"))).build()).build()));
        return all;
    }

    private Filter bearer() {
        return (request, response, chain) -> {
            String given = ((HttpServletRequest) request).getHeader("Authorization");
            OAuthProtection protection = oauth;
            if (protection != null) {
                HttpServletResponse http = (HttpServletResponse) response;
                if (((HttpServletRequest) request).getRequestURI().equals("/.well-known/oauth-protected-resource/mcp")) {
                    http.setContentType("application/json");
                    http.getWriter().write(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                            "resource", protection.resource(), "authorization_servers", List.of(protection.as().issuer()),
                            "scopes_supported", List.of("tools", "admin"), "bearer_methods_supported",
                            List.of("header"))));
                    return;
                }
                authorizations.add(given == null ? "" : given);
                if (!protection.as().accepts(given, url())) {
                    http.setHeader("WWW-Authenticate", "Bearer " + (protection.namesMetadata()
                            ? "resource_metadata=\"" + resourceMetadataUrl() + "\", " : "") + "scope=\"tools\"");
                    http.sendError(401);
                    return;
                }
                chain.doFilter(request, response);
                return;
            }
            authorizations.add(given == null ? "" : given);
            if (token.isPresent() && !("Bearer " + token.get()).equals(given)) {
                ((HttpServletResponse) response).sendError(401);
                return;
            }
            chain.doFilter(request, response);
        };
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
