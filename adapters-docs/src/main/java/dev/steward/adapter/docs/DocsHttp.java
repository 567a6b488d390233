package dev.steward.adapter.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a documentation platform is called: GET only (every tool reads), the API key in {@code x-api-key},
 * a 429 retried after {@code Retry-After} seconds or else an exponential back-off with jitter (and a 502/503/504 the
 * same way) within {@link HttpPolicy}'s bound. 401 becomes {@link KeyRefused}, 404 {@link NotFound}. Log lines name
 * the path and the status, never the key, the query or a body (a body may hold a password).
 */
final class DocsHttp {

    /** The platform refused the API key (HTTP 401). */
    static final class KeyRefused extends RuntimeException {
        KeyRefused(String message) {
            super(message);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DocsHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String port;
    private final String platform;
    private final URI base;
    private final String apiKey;
    private final String accept;
    private final HttpClient http;
    private final HttpPolicy policy;
    private final Sleeper sleeper;

    /**
     * @param port the port name failures carry ({@code hudu}, {@code itglue})
     * @param base the API root, ending in {@code /}; paths are resolved against it
     */
    DocsHttp(String port, String platform, URI base, String apiKey, String accept, HttpClient http, HttpPolicy policy,
             Sleeper sleeper) {
        this.port = port;
        this.platform = platform;
        this.base = base;
        this.apiKey = apiKey;
        this.accept = accept;
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    URI base() {
        return base;
    }

    void close() {
        http.close();
    }

    /**
     * GETs {@code pathAndQuery} (already encoded, relative to the base) and returns the JSON body.
     *
     * @param what names the thing read, for a 404 ({@code article 42})
     * @throws KeyRefused on 401
     * @throws NotFound on 404
     * @throws PortFailure retryable when throttling or an outage outlasts the bound or the platform is unreachable;
     *     permanent for any other refusal
     */
    JsonNode get(String pathAndQuery, String whatKind, String whatId) {
        URI uri = base.resolve(pathAndQuery);
        int attempt = 1;
        while (true) {
            HttpResponse<String> response = exchange(uri);
            int status = response.statusCode();
            LOG.debug("{} GET {} -> {}", port, uri.getPath(), status);
            if (status >= 200 && status < 300) {
                return parse(response.body(), uri);
            }
            if (status == 401) {
                throw new KeyRefused(platform + " refused the API key (HTTP 401)");
            }
            if (status == 404) {
                throw new NotFound(whatKind, whatId);
            }
            if (status != 429 && status != 502 && status != 503 && status != 504) {
                throw PortFailure.permanent(port, platform + " refused GET " + uri.getPath() + " (HTTP " + status
                        + errorTitle(response.body()) + ")", null);
            }
            Duration wait = waitBeforeRetry(response, attempt);
            if (attempt >= policy.maxAttempts() || wait.compareTo(policy.maxRetryWait()) > 0) {
                throw PortFailure.retryable(port, platform + " is " + (status == 429 ? "throttling" : "unavailable")
                        + " (HTTP " + status + ") after " + attempt + " attempt(s); try again in "
                        + Math.max(1, wait.toSeconds()) + " s", null);
            }
            LOG.info("{} GET {} answered {}; retrying in {} ms (attempt {} of {})", port, uri.getPath(), status,
                    wait.toMillis(), attempt + 1, policy.maxAttempts());
            pause(wait);
            attempt++;
        }
    }

    private HttpResponse<String> exchange(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(policy.requestTimeout()).GET()
                .header("x-api-key", apiKey).header("Accept", accept).header("Content-Type", accept).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw PortFailure.retryable(port, platform + " did not answer GET " + uri.getPath() + " within "
                    + policy.requestTimeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw PortFailure.retryable(port, platform + " could not be reached at " + uri.getHost() + ": "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(port, "interrupted while calling " + platform, e);
        }
    }

    private JsonNode parse(String body, URI uri) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw PortFailure.permanent(port, platform + " answered GET " + uri.getPath()
                    + " with something that is not its JSON (is the URL the platform's?)", null);
        }
    }

    /** The first JSON:API error title (IT Glue) or Hudu's {@code error}, never the rest of the body. */
    private static String errorTitle(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            String title = node.path("errors").path(0).path("title").asText(node.path("error").asText(""));
            return title.isBlank() ? "" : ": " + (title.length() > 200 ? title.substring(0, 200) : title);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private Duration waitBeforeRetry(HttpResponse<String> response, int attempt) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().strip())));
            } catch (NumberFormatException notSeconds) {
                LOG.debug("{} sent a Retry-After that is not seconds; backing off instead", port);
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
            throw PortFailure.retryable(port, "interrupted while waiting out " + platform + " throttling", e);
        }
    }
}
