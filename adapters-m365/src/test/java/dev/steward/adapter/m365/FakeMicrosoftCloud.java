package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft's identity platform and Graph v1.0 in memory, as a WireMock transformer, following
 * THIRD-PARTY-APIS.md §4 and THIRD-PARTY-APIS-2.md §4:
 * <ul>
 *   <li>{@code POST /{tenant}/oauth2/v2.0/token}: client credentials with a secret or a signed JWT assertion
 *       (checked against the registered certificate), the AADSTS errors for an unknown tenant (90002), an app not in
 *       the directory / not consented (700016), a bad secret (7000215), a bad assertion (700027);</li>
 *   <li>every token belongs to one tenant: Graph answers from that tenant's directory only, so a token for tenant A
 *       never reads tenant B's data; unknown or revoked tokens get 401 {@code InvalidAuthenticationToken};</li>
 *   <li>application permissions and directory roles per tenant: 403 {@code Authorization_RequestDenied};</li>
 *   <li>{@code $top} paging with absolute {@code @odata.nextLink}s, the {@code $filter} shapes Graph supports here,
 *       429 + {@code Retry-After} injection, and the Graph error body {@code {"error":{code,message,innerError}}};</li>
 *   <li>each tool's endpoint with Graph's rules: default phone method not deletable, existing member 400, dynamic
 *       and mail-enabled groups refused, usage location before licences, inherited licences not removable.</li>
 * </ul>
 * Every request is recorded ({@link #requests()}) with the tenant its token was for.
 */
public final class FakeMicrosoftCloud implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-microsoft-cloud";
    public static final String CLIENT_ID = "0a4f7c1e-5b2d-4c8e-9f10-2a3b4c5d6e7f";
    public static final String CLIENT_SECRET = "Xy8Q~partner-app-secret-value-0123456789";
    public static final String PARTNER_TENANT = "8777b240-c6f0-4469-9e98-a3205431b836";
    public static final String PARTNER_DOMAIN = "northwind-msp.onmicrosoft.com";

    /** One request as the cloud saw it. */
    public record Recorded(String method, String path, Map<String, String> query, String body, String tenant) {

        /** {@code GET /v1.0/users/…}: the method and the decoded path. */
        public String line() {
            return method + " " + path;
        }
    }

    private static final Pattern TOKEN_PATH = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, FakeTenant> tenants = new LinkedHashMap<>();
    private final List<ObjectNode> relationships = new ArrayList<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Integer> tokensIssued = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private X509Certificate certificate;
    private long tokenLifetime = 3599;
    private int throttled;
    private Integer retryAfter;

    public FakeMicrosoftCloud() {
        tenants.put(PARTNER_TENANT, new FakeTenant(PARTNER_TENANT, "Northwind MSP", PARTNER_DOMAIN));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    // --- set-up, for tests -----------------------------------------------------------------------------------

    public synchronized FakeTenant partner() {
        return tenants.get(PARTNER_TENANT);
    }

    /** A customer tenant with an active GDAP relationship to the partner, consented for everything. */
    public synchronized FakeTenant addCustomer(String name) {
        return addCustomer(name, name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".example");
    }

    /**
     * The same, with its users on {@code domain}. (Microsoft gives a domain to one tenant only; the stub lets tests
     * whose clients each have a tenant keep one requester address, since each tenant answers from its own users.)
     */
    public synchronized FakeTenant addCustomer(String name, String domain) {
        String id = UUID.randomUUID().toString();
        FakeTenant tenant = new FakeTenant(id, name, domain);
        tenants.put(id, tenant);
        addRelationship(tenant.id(), name, "active");
        return tenant;
    }

    /** Another GDAP relationship (status active, approvalPending, terminated …) with a customer. */
    public synchronized void addRelationship(String customerTenantId, String customerName, String status) {
        ObjectNode relationship = Json.object().put("@odata.type", "#microsoft.graph.delegatedAdminRelationship")
                .put("id", UUID.randomUUID() + "-" + PARTNER_TENANT).put("displayName", customerName + " GDAP")
                .put("status", status).put("duration", "P730D").put("endDateTime", "2028-11-22T09:00:00Z");
        relationship.putObject("customer").put("tenantId", customerTenantId).put("displayName", customerName);
        relationship.putObject("accessDetails").putArray("unifiedRoles").addObject()
                .put("roleDefinitionId", "fe930be7-5e62-47db-91af-98c3a49a38b1");
        relationships.add(relationship);
    }

    public synchronized FakeTenant tenant(String id) {
        return tenants.get(id);
    }

    /** Registers the app's certificate, so client assertions signed with its key are accepted. */
    public synchronized void registerCertificate(X509Certificate certificate) {
        this.certificate = certificate;
    }

    public synchronized void tokenLifetime(long seconds) {
        this.tokenLifetime = seconds;
    }

    /** The next {@code times} Graph requests are throttled (429), with {@code Retry-After} when not null. */
    public synchronized void throttle(int times, Integer retryAfterSeconds) {
        this.throttled = times;
        this.retryAfter = retryAfterSeconds;
    }

    /** Every issued token stops working at once (as after a credential change), before it expires. */
    public synchronized void revokeTokens() {
        tokens.clear();
    }

    public synchronized int tokensIssued(String tenant) {
        return tokensIssued.getOrDefault(tenant, 0);
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The Graph requests (token requests left out) made with a token of {@code tenant}. */
    public synchronized List<Recorded> graphRequests(String tenant) {
        return requests.stream().filter(r -> r.path().startsWith("/v1.0/") && tenant.equals(r.tenant())).toList();
    }

    /** The requests that change something (POST, PATCH, DELETE) on Graph, in any tenant. */
    public synchronized List<Recorded> changes() {
        return requests.stream().filter(r -> r.path().startsWith("/v1.0/") && !r.method().equals("GET")).toList();
    }

    public synchronized void forgetRequests() {
        requests.clear();
    }

    // --- the transformer ------------------------------------------------------------------------------------

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        synchronized (this) {
            URI uri = URI.create(request.getAbsoluteUrl());
            String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
            Map<String, String> query = query(uri.getRawQuery());
            Matcher token = TOKEN_PATH.matcher(path);
            if (token.matches()) {
                requests.add(new Recorded(request.getMethod().getName(), path, query, redactedForm(request), null));
                return token(request, token.group(1), uri);
            }
            String bearer = Optional.ofNullable(request.getHeader("Authorization")).filter(h -> h.startsWith("Bearer "))
                    .map(h -> h.substring(7)).orElse("");
            String tenant = tokens.get(bearer);
            requests.add(new Recorded(request.getMethod().getName(), path, query, request.getBodyAsString(), tenant));
            if (!path.startsWith("/v1.0/")) {
                return error(404, "UnknownResource", "no such resource");
            }
            if (tenant == null) {
                return error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            }
            if (throttled > 0) {
                throttled--;
                ResponseDefinition throttle = error(429, "TooManyRequests", "Too many requests");
                return retryAfter == null ? throttle : ResponseDefinitionBuilder.like(throttle)
                        .withHeader("Retry-After", retryAfter.toString()).build();
            }
            try {
                return new GraphRoutes(this, tenants.get(tenant), request.getMethod().getName(),
                        path.substring("/v1.0/".length()), query, request.getBodyAsString(),
                        uri.getScheme() + "://" + uri.getRawAuthority()).answer();
            } catch (ODataFilter.Unsupported e) {
                return error(400, "Request_UnsupportedQuery", e.getMessage());
            }
        }
    }

    List<ObjectNode> relationships() {
        return relationships;
    }

    private ResponseDefinition token(Request request, String tenantRef, URI uri) {
        Map<String, String> form = query(request.getBodyAsString());
        Optional<FakeTenant> tenant = tenants.values().stream().filter(t -> t.id().equalsIgnoreCase(tenantRef)
                || t.domain().equalsIgnoreCase(tenantRef)).findFirst();
        if (tenant.isEmpty()) {
            return tokenError(400, "invalid_request", 90002, "Tenant '" + tenantRef + "' not found. Check to make "
                    + "sure you have the correct tenant ID and are signing into the correct cloud.");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return tokenError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }
        String graph = uri.getScheme() + "://" + uri.getRawAuthority() + "/";
        if (!(graph + ".default").equals(form.get("scope"))) {
            return tokenError(400, "invalid_scope", 1002012, "The provided value for scope is not valid.");
        }
        if (!CLIENT_ID.equals(form.get("client_id"))
                || !tenant.get().id().equals(PARTNER_TENANT) && !tenant.get().consented) {
            return tokenError(400, "unauthorized_client", 700016, "Application with identifier '"
                    + form.get("client_id") + "' was not found in the directory '" + tenant.get().name() + "'. This "
                    + "can happen if the application has not been installed by the administrator of the tenant.");
        }
        if (form.containsKey("client_assertion")) {
            String audience = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
            if (!CertificateKeyCheck.valid(form.get("client_assertion"), form.get("client_assertion_type"),
                    certificate, audience, CLIENT_ID)) {
                return tokenError(401, "invalid_client", 700027, "Client assertion failed signature validation.");
            }
        } else if (!CLIENT_SECRET.equals(form.get("client_secret"))) {
            return tokenError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret "
                    + "being sent in the request is the client secret value, not the client secret ID.");
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = "eyJ0eXAiOiJKV1QifQ." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tokens.put(token, tenant.get().id());
        tokensIssued.merge(tenant.get().id(), 1, Integer::sum);
        return json(200, Json.object().put("token_type", "Bearer").put("expires_in", tokenLifetime)
                .put("ext_expires_in", tokenLifetime).put("access_token", token));
    }

    private static String redactedForm(Request request) {
        return request.getBodyAsString().replaceAll("client_secret=[^&]*", "client_secret=[redacted]");
    }

    private static ResponseDefinition tokenError(int status, String error, long code, String description) {
        ObjectNode body = Json.object().put("error", error).put("error_description", "AADSTS" + code + ": "
                + description + " Trace ID: " + UUID.randomUUID() + " Correlation ID: " + UUID.randomUUID()
                + " Timestamp: 2026-11-22 09:12:35Z").put("trace_id", UUID.randomUUID().toString())
                .put("correlation_id", UUID.randomUUID().toString());
        body.putArray("error_codes").add(code);
        return json(status, body);
    }

    static ResponseDefinition error(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message).putObject("innerError")
                .put("date", "2026-11-22T09:12:35").put("request-id", UUID.randomUUID().toString())
                .put("client-request-id", UUID.randomUUID().toString());
        return json(status, body);
    }

    static ResponseDefinition json(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", "application/json")))
                .withBody(Json.write(body)).build();
    }

    static ResponseDefinition empty(int status) {
        return new ResponseDefinitionBuilder().withStatus(status).build();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    /** Checks a JWT client assertion as the identity platform does (RS256, x5t, aud, iss, sub, exp). */
    static final class CertificateKeyCheck {

        private CertificateKeyCheck() {
        }

        static boolean valid(String assertion, String type, X509Certificate certificate, String audience,
                             String clientId) {
            if (certificate == null || !ClientCredential.CertificateKey.ASSERTION_TYPE.equals(type)) {
                return false;
            }
            String[] parts = assertion.split("\\.");
            if (parts.length != 3) {
                return false;
            }
            try {
                JsonNode header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
                JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
                String thumbprint = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
                PublicKey key = certificate.getPublicKey();
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(key);
                rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                long now = Instant.now().getEpochSecond();
                return rs256.verify(Base64.getUrlDecoder().decode(parts[2]))
                        && "RS256".equals(header.path("alg").asText()) && thumbprint.equals(header.path("x5t").asText())
                        && audience.equals(claims.path("aud").asText()) && clientId.equals(claims.path("iss").asText())
                        && clientId.equals(claims.path("sub").asText()) && claims.path("exp").asLong() > now
                        && claims.path("nbf").asLong() <= now + 300 && !claims.path("jti").asText().isEmpty();
            } catch (Exception e) {
                return false;
            }
        }
    }

    static Predicate<JsonNode> filter(Map<String, String> query) {
        String filter = query.get("$filter");
        return filter == null ? node -> true : ODataFilter.parse(filter);
    }

    static ArrayNode array() {
        return Json.MAPPER.createArrayNode();
    }

    static Set<String> permissionsOf(FakeTenant tenant) {
        return Set.copyOf(tenant.permissions);
    }
}
