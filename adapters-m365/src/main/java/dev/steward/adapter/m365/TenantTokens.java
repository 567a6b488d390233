package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.PortFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App-only Graph tokens, one per tenant (the partner's, each customer's), by the client-credentials grant against
 * {@code {authority}/{tenant}/oauth2/v2.0/token}. A token is reused until shortly before it expires (five minutes
 * before, or half its life if it is shorter than ten), so a busy tenant costs one token request an hour; concurrent
 * callers for one tenant wait for one request rather than each sending their own. A token is only ever sent to the
 * tenant it was issued for: the cache is keyed by tenant.
 */
final class TenantTokens {

    private static final Logger LOG = LoggerFactory.getLogger(TenantTokens.class);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private record Token(String value, Instant renewAt) {}

    private final M365Settings settings;
    private final HttpClient http;
    private final HttpPolicy policy;
    private final Clock clock;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    TenantTokens(M365Settings settings, HttpClient http, HttpPolicy policy, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * A valid token for {@code tenant}, from the cache or freshly issued.
     *
     * @throws TokenRefused when the token endpoint refuses (bad tenant, credential, or no consent there)
     * @throws PortFailure (retryable) when the endpoint cannot be reached, throttles or fails
     */
    String token(String tenant) {
        Token cached = cache.get(key(tenant));
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        ReentrantLock lock = locks.computeIfAbsent(key(tenant), k -> new ReentrantLock());
        lock.lock();
        try {
            Token current = cache.get(key(tenant));
            if (current != null && clock.instant().isBefore(current.renewAt())) {
                return current.value();
            }
            Token fresh = request(tenant);
            cache.put(key(tenant), fresh);
            return fresh.value();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the tenant's token if it is still {@code rejected} (Graph refused it before it expired). */
    void forget(String tenant, String rejected) {
        cache.computeIfPresent(key(tenant), (k, token) -> token.value().equals(rejected) ? null : token);
    }

    private Token request(String tenant) {
        URI endpoint = settings.tokenEndpoint(tenant);
        Instant now = clock.instant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("scope", settings.scope());
        form.put("grant_type", "client_credentials");
        form.putAll(settings.credential().formFields(settings.clientId(), endpoint, now));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(policy.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        HttpResponse<String> response = send(request, tenant);
        JsonNode body = Json.parseOrMissing(response.body());
        int status = response.statusCode();
        LOG.debug("token request for tenant {} -> {}", tenant, status);
        if (status == 200) {
            String token = Json.text(body, "access_token").orElseThrow(() -> PortFailure.permanent(Graph.PORT,
                    "the token endpoint answered without an access_token for tenant " + tenant, null));
            long lifetime = body.path("expires_in").asLong(0);
            if (lifetime <= 0) {
                throw PortFailure.permanent(Graph.PORT, "the token endpoint answered without expires_in", null);
            }
            Duration life = Duration.ofSeconds(lifetime);
            Duration margin = life.compareTo(MARGIN.multipliedBy(2)) < 0 ? life.dividedBy(2) : MARGIN;
            return new Token(token, now.plus(life).minus(margin));
        }
        if (status == 429 || status >= 500) {
            throw PortFailure.retryable(Graph.PORT, "Microsoft's token endpoint answered HTTP " + status
                    + " for tenant " + tenant + "; try again later", null);
        }
        long firstCode = body.path("error_codes").path(0).asLong(0);
        TokenRefused refused = TokenRefused.from(tenant, Json.textOr(body, "HTTP " + status, "error"),
                Json.textOr(body, "", "error_description"), firstCode);
        LOG.info("the token endpoint refused tenant {}: {}", tenant, refused.reason());
        throw refused;
    }

    private HttpResponse<String> send(HttpRequest request, String tenant) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw PortFailure.retryable(Graph.PORT, "Microsoft's token endpoint could not be reached for tenant "
                    + tenant + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(Graph.PORT, "interrupted while asking for a token", e);
        }
    }

    private static String key(String tenant) {
        return tenant.toLowerCase(Locale.ROOT);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
