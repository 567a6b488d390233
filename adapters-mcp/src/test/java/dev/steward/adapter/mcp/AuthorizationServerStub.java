package dev.steward.adapter.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2.1 authorization server in the JVM, as strict as the specifications the MCP authorization spec builds on:
 * metadata (RFC 8414) at the well-known URI, dynamic client registration (RFC 7591) when enabled, an authorization
 * endpoint that refuses unknown clients and unregistered redirect URIs without redirecting and demands PKCE S256 and
 * a resource (RFC 8707), and a token endpoint that authenticates the client as it registered, takes each code once,
 * checks the verifier, the redirect URI and the resource, and rotates refresh tokens. The person "approves" at once
 * (or refuses, when {@link #deny} is set). Tokens expire by the clock the test shares with Steward.
 */
public final class AuthorizationServerStub implements AutoCloseable {

    record Client(String id, Optional<String> secret, List<String> redirectUris) {}

    record Code(String client, String redirectUri, String challenge, String resource, String scope, Instant expires) {}

    record Token(String client, String resource, Instant expires) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, Client> clients = new ConcurrentHashMap<>();
    final List<Map<String, String>> authorizationRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger registrations = new AtomicInteger();
    public final AtomicInteger refreshes = new AtomicInteger();
    volatile boolean registration = true;
    volatile List<String> challengeMethods = List.of("S256");
    volatile boolean deny;
    public volatile long expiresIn = 3600;

    private final Clock clock;
    private final HttpServer http;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();

    public AuthorizationServerStub(Clock clock) {
        this.clock = clock;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/.well-known/oauth-authorization-server", this::metadata);
        http.createContext("/register", this::register);
        http.createContext("/authorize", this::authorize);
        http.createContext("/token", this::token);
        http.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Whether the MCP server takes this bearer token for {@code resource}: issued here, for it, and not expired. */
    boolean accepts(String authorization, String resource) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Token token = accessTokens.get(authorization.substring("Bearer ".length()));
        return token != null && token.resource().equals(resource) && clock.instant().isBefore(token.expires());
    }

    /** A client registered by hand, as an MSP would where the server offers no registration. */
    Client preRegistered(String redirectUri) {
        Client client = new Client("pre-" + UUID.randomUUID(), Optional.of("secret-" + UUID.randomUUID()),
                List.of(redirectUri));
        clients.put(client.id(), client);
        return client;
    }

    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    private void metadata(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer());
        metadata.put("authorization_endpoint", issuer() + "/authorize");
        metadata.put("token_endpoint", issuer() + "/token");
        if (registration) {
            metadata.put("registration_endpoint", issuer() + "/register");
        }
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "none"));
        if (!challengeMethods.isEmpty()) {
            metadata.put("code_challenge_methods_supported", challengeMethods);
        }
        json(exchange, 200, metadata);
    }

    @SuppressWarnings("unchecked")
    private void register(HttpExchange exchange) throws IOException {
        if (!registration || !exchange.getRequestMethod().equals("POST")) {
            json(exchange, 404, Map.of());
            return;
        }
        Map<String, Object> request;
        try {
            request = JSON.readValue(exchange.getRequestBody(), Map.class);
        } catch (IOException e) {
            json(exchange, 400, Map.of("error", "invalid_client_metadata"));
            return;
        }
        if (!(request.get("redirect_uris") instanceof List<?> uris) || uris.isEmpty()
                || !uris.stream().allMatch(u -> u instanceof String s && (s.startsWith("https://")
                || s.startsWith("http://127.0.0.1") || s.startsWith("http://localhost")))) {
            json(exchange, 400, Map.of("error", "invalid_redirect_uri"));
            return;
        }
        String method = String.valueOf(request.getOrDefault("token_endpoint_auth_method", "client_secret_basic"));
        if (!List.of("client_secret_basic", "none").contains(method)) {
            json(exchange, 400, Map.of("error", "invalid_client_metadata"));
            return;
        }
        Client client = new Client("dyn-" + UUID.randomUUID(), method.equals("none") ? Optional.empty()
                : Optional.of("secret-" + UUID.randomUUID()), (List<String>) uris);
        clients.put(client.id(), client);
        registrations.incrementAndGet();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", client.id());
        client.secret().ifPresent(s -> answer.put("client_secret", s));
        answer.put("client_id_issued_at", clock.instant().getEpochSecond());
        answer.put("redirect_uris", client.redirectUris());
        answer.put("token_endpoint_auth_method", method);
        answer.put("grant_types", request.getOrDefault("grant_types", List.of("authorization_code")));
        json(exchange, 201, answer);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        authorizationRequests.add(query);
        Client client = clients.get(query.getOrDefault("client_id", ""));
        String redirect = query.get("redirect_uri");
        if (client == null || redirect == null || !client.redirectUris().contains(redirect)) {
            // never redirect to a URI that is not the client's (RFC 6749 §4.1.2.1)
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String state = query.getOrDefault("state", "");
        if (!"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null || query.get("resource") == null) {
            redirect(exchange, redirect, Map.of("error", "invalid_request", "state", state));
            return;
        }
        if (deny) {
            redirect(exchange, redirect, Map.of("error", "access_denied", "error_description", "the user said no",
                    "state", state));
            return;
        }
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Code(client.id(), redirect, query.get("code_challenge"), query.get("resource"),
                query.getOrDefault("scope", ""), clock.instant().plus(Duration.ofMinutes(1))));
        redirect(exchange, redirect, Map.of("code", code, "state", state));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Optional<Client> client = authenticated(exchange, form);
        if (client.isEmpty()) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Code code = codes.remove(form.getOrDefault("code", ""));
                if (code == null || !code.client().equals(client.get().id())
                        || !code.redirectUri().equals(form.get("redirect_uri"))
                        || !code.resource().equals(form.get("resource"))
                        || !clock.instant().isBefore(code.expires())
                        || !code.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                    json(exchange, 400, Map.of("error", "invalid_grant"));
                    return;
                }
                json(exchange, 200, issue(client.get().id(), code.resource()));
            }
            case "refresh_token" -> {
                Token refresh = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
                if (refresh == null || !refresh.client().equals(client.get().id())
                        || (form.containsKey("resource") && !refresh.resource().equals(form.get("resource")))) {
                    json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "refresh token unknown"));
                    return;
                }
                refreshes.incrementAndGet();
                json(exchange, 200, issue(client.get().id(), refresh.resource()));
            }
            default -> json(exchange, 400, Map.of("error", "unsupported_grant_type"));
        }
    }

    private Map<String, Object> issue(String client, String resource) {
        String access = "at-" + UUID.randomUUID();
        String refresh = "rt-" + UUID.randomUUID();
        accessTokens.put(access, new Token(client, resource, clock.instant().plusSeconds(expiresIn)));
        refreshTokens.put(refresh, new Token(client, resource, clock.instant().plus(Duration.ofDays(30))));
        return Map.of("access_token", access, "token_type", "Bearer", "expires_in", expiresIn,
                "refresh_token", refresh);
    }

    /** The client as it registered: a confidential one with HTTP Basic, a public one with its id only. */
    private Optional<Client> authenticated(HttpExchange exchange, Map<String, String> form) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] idAndSecret = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            Client client = clients.get(URLDecoder.decode(idAndSecret[0], StandardCharsets.UTF_8));
            return client != null && client.secret().isPresent() && idAndSecret.length == 2
                    && client.secret().get().equals(URLDecoder.decode(idAndSecret[1], StandardCharsets.UTF_8))
                    ? Optional.of(client) : Optional.empty();
        }
        Client client = clients.get(form.getOrDefault("client_id", ""));
        return client != null && client.secret().isEmpty() ? Optional.of(client) : Optional.empty();
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> form(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static void redirect(HttpExchange exchange, String uri, Map<String, String> query) throws IOException {
        exchange.getResponseHeaders().add("Location", uri + (URI.create(uri).getRawQuery() == null ? "?" : "&")
                + OAuthHttp.encode(query));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
