package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.PortFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the adapter talks to Microsoft Graph. Every call is made in one tenant with that tenant's own token
 * ({@link TenantTokens}); a 401 renews the token once; a 429 is retried after {@code Retry-After} seconds (else an
 * exponential back-off with jitter), and so are a 503/504 on a GET, within {@link HttpPolicy}'s bound. Each request
 * carries a fresh {@code client-request-id} for correlation with Microsoft's logs. Log lines name method, path and
 * status; never a header or a body.
 */
final class Graph {

    static final String PORT = "m365";
    private static final Logger LOG = LoggerFactory.getLogger(Graph.class);

    private final M365Settings settings;
    private final TenantTokens tokens;
    private final HttpClient http;
    private final HttpPolicy policy;
    private final Sleeper sleeper;

    Graph(M365Settings settings, TenantTokens tokens, HttpClient http, HttpPolicy policy, Sleeper sleeper) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    M365Settings settings() {
        return settings;
    }

    TenantTokens tokens() {
        return tokens;
    }

    /** A v1.0 URL from a path (and query) already encoded, e.g. {@code users/dana%40x?$select=id}. */
    URI v1(String pathAndQuery) {
        return settings.graph().resolve("v1.0/" + pathAndQuery);
    }

    /**
     * Sends one request in {@code tenant} and returns Graph's answer, whatever its status, once throttling has been
     * waited out.
     *
     * @throws TokenRefused when no token can be had for the tenant
     * @throws PortFailure (retryable) when Graph stays throttled past the bound, times out or cannot be reached
     */
    GraphResponse call(String tenant, String method, URI uri, Optional<JsonNode> body) {
        if (!settings.isGraph(uri)) {
            throw PortFailure.permanent(PORT, "refusing to send a Graph token to " + uri.getHost()
                    + " (only " + settings.graph().getHost() + " gets one)", null);
        }
        boolean renewed = false;
        int attempt = 1;
        while (true) {
            String token = tokens.token(tenant);
            HttpResponse<String> response = exchange(request(method, uri, body, token));
            int status = response.statusCode();
            LOG.debug("graph {} {} in {} -> {}", method, uri.getPath(), tenant, status);
            if (status == 401 && !renewed) {
                LOG.info("Graph refused the token of tenant {} before it expired; renewing it once", tenant);
                tokens.forget(tenant, token);
                renewed = true;
                continue;
            }
            boolean retry = status == 429 || (status == 503 || status == 504) && method.equals("GET");
            if (!retry) {
                return new GraphResponse(status, Json.parseOrMissing(response.body()));
            }
            Duration wait = waitBeforeRetry(response, attempt);
            if (attempt >= policy.maxAttempts() || wait.compareTo(policy.maxRetryWait()) > 0) {
                throw PortFailure.retryable(PORT, "Microsoft Graph is " + (status == 429 ? "throttling" : "unavailable")
                        + " (HTTP " + status + ") in tenant " + tenant + " after " + attempt
                        + " attempt(s); try again in " + Math.max(1, wait.toSeconds()) + " s", null);
            }
            LOG.info("graph {} {} in {} answered {}; retrying in {} ms (attempt {} of {})", method, uri.getPath(),
                    tenant, status, wait.toMillis(), attempt + 1, policy.maxAttempts());
            pause(wait);
            attempt++;
        }
    }

    private HttpRequest request(String method, URI uri, Optional<JsonNode> body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(policy.requestTimeout())
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("client-request-id", UUID.randomUUID().toString());
        if (body.isPresent()) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body.get())));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw PortFailure.retryable(PORT, "Microsoft Graph did not answer " + request.method() + " "
                    + request.uri().getPath() + " within " + policy.requestTimeout().toSeconds() + " s"
                    + (request.method().equals("GET") ? "" : "; the change may or may not have been made"), e);
        } catch (IOException e) {
            throw PortFailure.retryable(PORT, "Microsoft Graph could not be reached: " + e.getClass().getSimpleName(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(PORT, "interrupted while calling Microsoft Graph", e);
        }
    }

    private Duration waitBeforeRetry(HttpResponse<String> response, int attempt) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().strip())));
            } catch (NumberFormatException notSeconds) {
                LOG.debug("Graph sent a Retry-After that is not seconds; backing off instead");
            }
        }
        long base = policy.firstBackoff().toMillis() << Math.min(attempt - 1, 10);
        long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(base + jitter, policy.maxRetryWait().toMillis()));
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(PORT, "interrupted while waiting out Graph throttling", e);
        }
    }
}
