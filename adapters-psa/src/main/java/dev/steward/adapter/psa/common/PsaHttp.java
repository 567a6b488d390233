package dev.steward.adapter.psa.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a PSA adapter talks HTTP. Sends a request, retries it while the PSA throttles (HTTP 429:
 * waits {@code Retry-After} seconds when given, else backs off exponentially with jitter, at most
 * {@link HttpSettings#maxAttempts()} attempts in all), and translates every failure into the core's terms at the
 * edge:
 * <ul>
 *   <li>404 → {@link NotFound} when the caller names what was looked up, else a permanent {@link PortFailure};</li>
 *   <li>401/403 and other 4xx → permanent {@link PortFailure} with the vendor's message;</li>
 *   <li>429 after the last attempt, 5xx, timeouts and connection errors → retryable {@link PortFailure}.</li>
 * </ul>
 * Server errors are not retried here: a POST that failed half-way might have created a note, and only the caller
 * knows whether repeating is safe. Log lines name the method, path and status, never headers or bodies.
 */
public final class PsaHttp {

    private static final Logger LOG = LoggerFactory.getLogger(PsaHttp.class);
    private static final int MAX_MESSAGE = 300;

    private final String port;
    private final HttpClient client;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final VendorRules rules;

    public PsaHttp(String port, HttpClient client, HttpSettings settings, Sleeper sleeper) {
        this(port, client, settings, sleeper, VendorRules.NONE);
    }

    public PsaHttp(String port, HttpClient client, HttpSettings settings, Sleeper sleeper, VendorRules rules) {
        this.port = Objects.requireNonNull(port, "port");
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String port() {
        return port;
    }

    /** A request builder for {@code uri} with the configured timeout. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout());
    }

    /** Sends and returns the JSON answer; a 404 is a permanent failure. */
    public JsonNode json(HttpRequest request) {
        return Json.parse(port, send(request, Optional.empty()).body());
    }

    /** Sends and returns the JSON answer; a 404 becomes the given {@link NotFound}. */
    public JsonNode json(HttpRequest request, Supplier<NotFound> notFound) {
        return Json.parse(port, send(request, Optional.of(notFound)).body());
    }

    /**
     * For bearer tokens that may be revoked early: on a 401, calls {@code renew} once, rebuilds the request (with the
     * new token) and sends it again; a second 401 is the usual permanent failure.
     */
    public JsonNode jsonRenewingOn401(Supplier<HttpRequest> request, Runnable renew,
                                      Optional<Supplier<NotFound>> notFound) {
        HttpRequest first = request.get();
        HttpResponse<String> response = exchangeWithRetries(first);
        if (response.statusCode() == 401) {
            LOG.info("{} rejected the access token; renewing it once", port);
            renew.run();
            HttpRequest second = request.get();
            response = exchangeWithRetries(second);
            return Json.parse(port, successOrFailure(second, response, notFound).body());
        }
        return Json.parse(port, successOrFailure(first, response, notFound).body());
    }

    /** Sends and returns the successful response (2xx); see the class comment for everything else. */
    public HttpResponse<String> send(HttpRequest request, Optional<Supplier<NotFound>> notFound) {
        return successOrFailure(request, exchangeWithRetries(request), notFound);
    }

    private HttpResponse<String> successOrFailure(HttpRequest request, HttpResponse<String> response,
                                                  Optional<Supplier<NotFound>> notFound) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            rules.succeeded(request);
            return response;
        }
        throw rules.failure(request, response).orElseGet(() -> failure(request, response, notFound));
    }

    /** The answer after waiting out throttling (bounded); any status but 429 is returned as is. */
    private HttpResponse<String> exchangeWithRetries(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = exchange(request);
            int status = response.statusCode();
            LOG.debug("{} {} {} -> {}", port, request.method(), request.uri().getPath(), status);
            if (status != 429) {
                return response;
            }
            Duration wait = waitBeforeRetry(response, attempt);
            if (attempt >= settings.maxAttempts() || wait.compareTo(settings.maxRetryWait()) > 0) {
                throw PortFailure.retryable(port, port + " is throttling requests (HTTP 429) after " + attempt
                        + " attempt(s); try again in " + wait.toSeconds() + " s", null);
            }
            LOG.info("{} throttled {} {}; retrying in {} ms (attempt {} of {})", port, request.method(),
                    request.uri().getPath(), wait.toMillis(), attempt + 1, settings.maxAttempts());
            pause(wait);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        rules.beforeExchange(request);
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw PortFailure.retryable(port, port + " did not answer " + request.method() + " "
                    + request.uri().getPath() + " within " + settings.requestTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw PortFailure.retryable(port, port + " could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(port, "interrupted while calling " + port, e);
        }
    }

    private RuntimeException failure(HttpRequest request, HttpResponse<String> response,
                                     Optional<Supplier<NotFound>> notFound) {
        int status = response.statusCode();
        String what = request.method() + " " + request.uri().getPath();
        String detail = vendorMessage(response.body());
        if (status == 404 && notFound.isPresent()) {
            return notFound.get().get();
        }
        if (status == 401 || status == 403) {
            return PortFailure.permanent(port, port + " refused the credentials (HTTP " + status + ") for " + what
                    + detail, null);
        }
        if (status >= 500) {
            return PortFailure.retryable(port, port + " failed with HTTP " + status + " on " + what + detail, null);
        }
        return PortFailure.permanent(port, port + " rejected " + what + " with HTTP " + status + detail, null);
    }

    /**
     * The vendor's own words, from whichever error shape it uses: CW {@code {"code","message"}}, Autotask
     * {@code {"errors":["…"]}}, Halo plain text, Graph-style {@code {"error":{"message"}}}.
     */
    public static String vendorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String message;
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node.hasNonNull("message")) {
                message = node.get("message").asText();
            } else if (node.has("errors") && node.get("errors").isArray()) {
                message = StreamSupport.stream(node.get("errors").spliterator(), false)
                        .map(e -> e.isTextual() ? e.asText() : Json.text(e, "message").orElse(e.toString()))
                        .collect(Collectors.joining("; "));
            } else if (node.has("error")) {
                message = Json.text(node, "error", "message").orElse(node.get("error").asText());
            } else if (node.isTextual()) {
                message = node.asText();
            } else {
                message = body;
            }
        } catch (IOException e) {
            message = body;
        }
        message = message.strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return message.isEmpty() ? "" : ": " + message;
    }

    private Duration waitBeforeRetry(HttpResponse<String> response, int attempt) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                long seconds = Long.parseLong(retryAfter.get().strip());
                return Duration.ofSeconds(Math.max(0, seconds));
            } catch (NumberFormatException notSeconds) {
                LOG.debug("{} sent a Retry-After that is not seconds; backing off instead", port);
            }
        }
        long base = settings.firstBackoff().toMillis() << Math.min(attempt - 1, 10);
        long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(base + jitter, settings.maxRetryWait().toMillis()));
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(port, "interrupted while waiting to retry " + port, e);
        }
    }
}
