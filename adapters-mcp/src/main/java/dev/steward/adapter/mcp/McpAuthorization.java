package dev.steward.adapter.mcp;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.AuthorizationFlow;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OAuth 2.1 for an MCP server that advertises it, as the MCP authorization specification (2025-11-25) has a client
 * do it: the server's 401 challenge names its protected resource metadata (RFC 9728; else the well-known URIs, path
 * first); that names the authorization server, whose metadata (RFC 8414, else OpenID discovery, in the order the
 * specification gives) must offer PKCE with {@code S256}, or Steward refuses; Steward registers itself (RFC 7591) when
 * the authorization server offers that and no client id was given; the person authorizes with PKCE and the
 * {@code resource} parameter (RFC 8707) naming the server; the code is traded for tokens that {@link OAuthTokens}
 * renews. The Java SDK offers the hooks to send a token and to react to a 401, not this flow, so it is written here.
 */
final class McpAuthorization implements AuthorizationFlow {

    static final String AUTH = "auth";
    static final String OAUTH = "oauth";
    static final String CLIENT_ID = "oauthClientId";
    static final String CLIENT_SECRET = "oauthClientSecret";
    static final String ACCESS_TOKEN = "oauthAccessToken";
    static final String REFRESH_TOKEN = "oauthRefreshToken";
    static final String VERIFIER = "oauthCodeVerifier";

    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");
    private static final Pattern SCOPE = Pattern.compile("(?<![a-z_])scope=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Started begin(IntegrationSettings values, String redirectUri, String state, ProviderContext context) {
        if (!OAUTH.equals(values.settings().get(AUTH))) {
            throw InvalidValue.of("settings.auth", "not-oauth", "must be oauth for the server to be authorized in"
                    + " the browser");
        }
        String url = Optional.ofNullable(values.settings().get("url")).map(String::strip).filter(u -> !u.isEmpty())
                .orElseThrow(() -> InvalidValue.of("settings.url", "required", "give the server's Streamable HTTP"
                        + " URL: only a server reached over HTTP is authorized with OAuth"));
        URI server = URI.create(context.baseUrl("settings.url", url));
        try {
            context.baseUrl("redirectUri", redirectUri);
        } catch (InvalidValue e) {
            throw InvalidValue.of("redirectUri", "insecure", "Steward must be reached over https (or on localhost)"
                    + " for an authorization server to send the person back to " + redirectUri);
        }
        OAuthHttp http = new OAuthHttp(context);
        Challenge challenge = challenge(http, server);
        Map<String, Object> resource = protectedResource(http, server, challenge, context);
        URI issuer = url(context, "authorization server", first(resource.get("authorization_servers")).orElseThrow(
                () -> discovery("its protected resource metadata names no authorization server")));
        Map<String, Object> metadata = authorizationServer(http, issuer);
        if (!(metadata.get("code_challenge_methods_supported") instanceof List<?> methods)
                || !methods.contains("S256")) {
            throw discovery("its authorization server " + issuer + " does not offer PKCE with S256"
                    + " (code_challenge_methods_supported), which MCP requires; Steward does not authorize without it");
        }
        URI authorize = url(context, "authorization endpoint", text(metadata, "authorization_endpoint"));
        URI tokens = url(context, "token endpoint", text(metadata, "token_endpoint"));

        Map<String, String> settings = new HashMap<>(values.settings());
        Map<String, String> secrets = new HashMap<>(values.secrets());
        // authorized again: the old grant's tokens go, and a client Steward registered itself is registered anew
        // (for this redirect URI; Steward may be reached at another address than when it first registered)
        boolean registeredBefore = Optional.ofNullable(settings.remove(OAuthGrant.SETTING)).map(OAuthGrant::parse)
                .map(OAuthGrant::registered).orElse(false);
        secrets.remove(ACCESS_TOKEN);
        secrets.remove(REFRESH_TOKEN);
        if (registeredBefore) {
            settings.remove(CLIENT_ID);
            secrets.remove(CLIENT_SECRET);
        }
        String clientAuth;
        boolean registering = false;
        if (settings.containsKey(CLIENT_ID)) {
            clientAuth = secrets.containsKey(CLIENT_SECRET) ? OAuthGrant.BASIC : OAuthGrant.NONE;
        } else if (metadata.get("registration_endpoint") instanceof String registration) {
            clientAuth = register(http, url(context, "registration endpoint", registration), metadata, redirectUri,
                    settings, secrets);
            registering = true;
        } else {
            throw InvalidValue.of("settings." + CLIENT_ID, "required", "the authorization server " + issuer
                    + " offers no registration: register Steward there with the redirect URI " + redirectUri
                    + " and give its client id (and secret, if it issued one)");
        }
        Optional<String> scope = challenge.scope().or(() -> resource.get("scopes_supported") instanceof List<?> list
                && !list.isEmpty() ? Optional.of(String.join(" ", list.stream().map(String::valueOf).toList()))
                : Optional.empty());
        String verifier = verifier();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.get(CLIENT_ID));
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("code_challenge", challengeOf(verifier));
        query.put("code_challenge_method", "S256");
        query.put("resource", canonical(server));
        scope.ifPresent(s -> query.put("scope", s));
        String location = authorize + (authorize.getRawQuery() == null ? "?" : "&") + OAuthHttp.encode(query);
        settings.put(OAuthGrant.SETTING, new OAuthGrant(tokens.toString(), clientAuth, scope, Optional.empty(),
                registering).text());
        secrets.put(VERIFIER, verifier);
        return new Started(location, new IntegrationSettings(settings, secrets));
    }

    @Override
    public IntegrationSettings complete(IntegrationSettings pending, String code, String redirectUri,
                                        ProviderContext context) {
        OAuthGrant grant = OAuthGrant.parse(pending.settings().get(OAuthGrant.SETTING));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", pending.secrets().get(VERIFIER));
        form.put("resource", canonical(URI.create(pending.settings().get("url").strip())));
        OAuthHttp.Answer answer = tokenRequest(new OAuthHttp(context), grant, pending, form);
        if (!answer.ok()) {
            throw InvalidValue.of("code", "refused", "the authorization server refused the code: " + answer.error()
                    + "; authorize again");
        }
        Map<String, String> secrets = new HashMap<>(pending.secrets());
        secrets.remove(VERIFIER);
        Map<String, String> settings = new HashMap<>(pending.settings());
        Optional<Instant> expiry = issued(answer, context.clock().instant(), secrets, "code");
        settings.put(OAuthGrant.SETTING, grant.withExpiry(expiry).text());
        return new IntegrationSettings(settings, secrets);
    }

    /**
     * Reads the tokens of a token endpoint's answer into {@code secrets} (a refresh token is replaced only when a new
     * one was issued) and returns when the access token expires.
     *
     * @throws InvalidValue ({@code field}) for an answer without a bearer access token
     */
    static Optional<Instant> issued(OAuthHttp.Answer answer, Instant now, Map<String, String> secrets, String field) {
        String access = answer.text("access_token").orElseThrow(() -> InvalidValue.of(field, "refused",
                "the authorization server answered without an access token"));
        if (!answer.text("token_type").map(t -> t.equalsIgnoreCase("bearer")).orElse(false)) {
            throw InvalidValue.of(field, "refused", "the authorization server issued a token that is not a bearer"
                    + " token");
        }
        secrets.put(ACCESS_TOKEN, access);
        answer.text("refresh_token").ifPresent(r -> secrets.put(REFRESH_TOKEN, r));
        return answer.json().get("expires_in") instanceof Number seconds && seconds.longValue() > 0
                ? Optional.of(now.plusSeconds(seconds.longValue())) : Optional.empty();
    }

    /** Posts to the token endpoint as the client registered: public with its id, or with its id and secret. */
    static OAuthHttp.Answer tokenRequest(OAuthHttp http, OAuthGrant grant, IntegrationSettings values,
                                         Map<String, String> form) {
        String clientId = values.settings().get(CLIENT_ID);
        Optional<String[]> basic = Optional.empty();
        if (OAuthGrant.BASIC.equals(grant.clientAuth())) {
            basic = Optional.of(new String[] {clientId, values.secrets().getOrDefault(CLIENT_SECRET, "")});
        } else {
            form.put("client_id", clientId);
        }
        return http.postForm(URI.create(grant.tokenEndpoint()), form, basic);
    }

    /** The URI that names the server as a resource (RFC 8707): lower-case scheme and host, no fragment. */
    static String canonical(URI server) {
        String path = server.getRawPath() == null ? "" : server.getRawPath();
        return server.getScheme().toLowerCase(Locale.ROOT) + "://" + server.getRawAuthority().toLowerCase(Locale.ROOT)
                + path + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery());
    }

    private record Challenge(Optional<String> resourceMetadata, Optional<String> scope) {}

    /** Asks the server to initialize without a token; a server that wants OAuth answers 401 with its challenge. */
    private static Challenge challenge(OAuthHttp http, URI server) {
        OAuthHttp.Answer answer = http.send(HttpRequest.newBuilder(server)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
                        "capabilities":{},"clientInfo":{"name":"steward","version":"1"}}}""")).build());
        if (answer.ok()) {
            throw InvalidValue.of("settings.auth", "not-required", "the server answers without authorization:"
                    + " connect it without OAuth");
        }
        if (answer.status() != 401) {
            throw InvalidValue.of("settings.url", "not-mcp", "did not answer as an MCP server that asks for"
                    + " authorization (HTTP " + answer.status() + ")");
        }
        String header = String.join(", ", answer.headers().allValues("WWW-Authenticate"));
        Matcher metadata = RESOURCE_METADATA.matcher(header);
        Matcher scope = SCOPE.matcher(header);
        return new Challenge(metadata.find() ? Optional.of(metadata.group(1)) : Optional.empty(),
                scope.find() ? Optional.of(scope.group(1)).filter(s -> !s.isBlank()) : Optional.empty());
    }

    /** RFC 9728: the document the challenge names, else the well-known URI with the server's path, then without. */
    private static Map<String, Object> protectedResource(OAuthHttp http, URI server, Challenge challenge,
                                                        ProviderContext context) {
        List<URI> candidates = new ArrayList<>();
        if (challenge.resourceMetadata().isPresent()) {
            candidates.add(url(context, "protected resource metadata", challenge.resourceMetadata().get()));
        } else {
            String origin = server.getScheme() + "://" + server.getRawAuthority();
            String path = server.getRawPath() == null ? "" : server.getRawPath();
            if (!path.isEmpty() && !path.equals("/")) {
                candidates.add(URI.create(origin + "/.well-known/oauth-protected-resource" + path));
            }
            candidates.add(URI.create(origin + "/.well-known/oauth-protected-resource"));
        }
        for (URI candidate : candidates) {
            OAuthHttp.Answer answer = http.get(candidate);
            if (answer.ok() && !answer.json().isEmpty()) {
                String named = answer.text("resource").orElse("");
                if (!strip(named).equals(strip(canonical(server)))) {
                    throw discovery("its protected resource metadata is for " + OAuthHttp.printable(named)
                            + ", not for " + canonical(server));
                }
                return answer.json();
            }
        }
        throw discovery("it asks for authorization but publishes no protected resource metadata (RFC 9728) at "
                + candidates);
    }

    /** RFC 8414 and OpenID discovery, in the order the MCP specification gives, the issuer checked. */
    private static Map<String, Object> authorizationServer(OAuthHttp http, URI issuer) {
        String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        String path = issuer.getRawPath() == null || issuer.getRawPath().equals("/") ? "" : issuer.getRawPath();
        List<URI> candidates = path.isEmpty()
                ? List.of(URI.create(origin + "/.well-known/oauth-authorization-server"),
                        URI.create(origin + "/.well-known/openid-configuration"))
                : List.of(URI.create(origin + "/.well-known/oauth-authorization-server" + path),
                        URI.create(origin + "/.well-known/openid-configuration" + path),
                        URI.create(origin + path + "/.well-known/openid-configuration"));
        for (URI candidate : candidates) {
            OAuthHttp.Answer answer = http.get(candidate);
            if (answer.ok() && !answer.json().isEmpty()) {
                if (!strip(answer.text("issuer").orElse("")).equals(strip(issuer.toString()))) {
                    throw discovery("the metadata of its authorization server names another issuer ("
                            + OAuthHttp.printable(answer.text("issuer").orElse("none")) + ", not " + issuer + ")");
                }
                return answer.json();
            }
        }
        throw discovery("its authorization server " + issuer + " publishes no metadata (RFC 8414 or OpenID"
                + " discovery)");
    }

    /** RFC 7591: registers Steward for this redirect URI, as a confidential client when the server allows it. */
    private static String register(OAuthHttp http, URI endpoint, Map<String, Object> metadata, String redirectUri,
                                   Map<String, String> settings, Map<String, String> secrets) {
        boolean basic = metadata.get("token_endpoint_auth_methods_supported") instanceof List<?> methods
                && methods.contains("client_secret_basic");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("client_name", "Steward");
        request.put("redirect_uris", List.of(redirectUri));
        request.put("grant_types", List.of("authorization_code", "refresh_token"));
        request.put("response_types", List.of("code"));
        request.put("token_endpoint_auth_method", basic ? "client_secret_basic" : "none");
        OAuthHttp.Answer answer = http.postJson(endpoint, request);
        String clientId = answer.text("client_id").filter(id -> answer.ok()).orElseThrow(() -> discovery(
                "its authorization server refused to register Steward: " + answer.error()));
        settings.put(CLIENT_ID, clientId);
        Optional<String> secret = answer.text("client_secret");
        secret.ifPresent(s -> secrets.put(CLIENT_SECRET, s));
        String method = answer.text("token_endpoint_auth_method").orElse(secret.isPresent() ? "client_secret_basic"
                : "none");
        return method.equals("none") ? OAuthGrant.NONE : OAuthGrant.BASIC;
    }

    private static URI url(ProviderContext context, String what, String text) {
        if (text == null) {
            throw discovery("its authorization server publishes no " + what);
        }
        try {
            return URI.create(context.baseUrl("settings.url", text));
        } catch (InvalidValue | IllegalArgumentException e) {
            throw discovery("its " + what + " " + OAuthHttp.printable(String.valueOf(text))
                    + " is not an https URL Steward may send credentials to");
        }
    }

    private static String text(Map<String, Object> metadata, String field) {
        return metadata.get(field) instanceof String s && !s.isBlank() ? s
                : null;
    }

    private static Optional<String> first(Object list) {
        return list instanceof List<?> l && !l.isEmpty() && l.getFirst() instanceof String s
                ? Optional.of(s) : Optional.empty();
    }

    private static String strip(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static InvalidValue discovery(String why) {
        return InvalidValue.of("settings.url", "oauth-discovery", "the server cannot be authorized with OAuth: " + why);
    }

    /** A PKCE code verifier: 43 characters from 32 random bytes (RFC 7636 §4.1). */
    static String verifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code S256}: BASE64URL(SHA256(verifier)). */
    static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
