package dev.steward.adapter.duo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.ProviderContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed calls to the Auth API and its {@code {"stat":"OK","response":…}} envelope. Throttling (429) is waited out
 * with Duo's own back-off (1 s doubling to 32 s, or {@code Retry-After}) within the context's attempts and longest
 * wait; a {@code FAIL} answer is a {@link Fail}, the caller decides what it means; anything else a {@link PortFailure}.
 */
final class DuoClient {

    static final String PORT = "duo";
    private static final Logger LOG = LoggerFactory.getLogger(DuoClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Duo answered {@code stat: FAIL}: its code and message (never a secret). */
    static final class Fail extends RuntimeException {
        private final int status;
        private final int code;

        Fail(int status, int code, String message) {
            super("Duo refused the request (HTTP " + status + ", code " + code + "): " + message, null, false, false);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        int code() {
            return code;
        }
    }

    /** How the client waits before another attempt; tests replace it. */
    interface Pause {
        void sleep(Duration wait) throws InterruptedException;
    }

    private final DuoSettings settings;
    private final ProviderContext context;
    private final HttpClient http;
    private final Pause pause;

    DuoClient(DuoSettings settings, ProviderContext context, HttpClient http, Pause pause) {
        this.settings = settings;
        this.context = context;
        this.http = http;
        this.pause = pause;
    }

    JsonNode get(String path, Map<String, String> params, Duration timeout) {
        return call("GET", path, params, timeout);
    }

    JsonNode post(String path, Map<String, String> params) {
        return call("POST", path, params, context.requestTimeout());
    }

    private JsonNode call(String method, String path, Map<String, String> params, Duration timeout) {
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(signed(method, path, params, timeout));
            if (response.statusCode() != 429) {
                return envelope(response);
            }
            Duration wait = response.headers().firstValue("Retry-After").flatMap(DuoClient::seconds).orElse(backoff);
            if (attempt >= context.maxAttempts() || wait.compareTo(context.maxRetryWait()) > 0) {
                throw PortFailure.retryable(PORT, "Duo is throttling requests (HTTP 429) after " + attempt
                        + " attempt(s)", null);
            }
            LOG.info("Duo throttled {} {}; retrying in {} ms", method, path, wait.toMillis());
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PortFailure.retryable(PORT, "interrupted while waiting for Duo", e);
            }
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(32)) > 0 ? Duration.ofSeconds(32)
                    : backoff.multipliedBy(2);
        }
    }

    private HttpRequest signed(String method, String path, Map<String, String> params, Duration timeout) {
        String date = DuoSigner.date(ZonedDateTime.now(context.clock()));
        String authorization = DuoSigner.authorization(settings.integrationKey(), settings.secretKey(),
                DuoSigner.canonical(date, method, settings.host(), path, params));
        String query = DuoSigner.parameters(params);
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                .header("Date", date).header("Authorization", authorization).header("Accept", "application/json");
        if (method.equals("GET")) {
            return request.uri(URI.create(settings.base() + path + (query.isEmpty() ? "" : "?" + query))).GET()
                    .build();
        }
        return request.uri(URI.create(settings.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw PortFailure.retryable(PORT, "Duo did not answer " + request.uri().getPath() + " in time", e);
        } catch (IOException e) {
            throw PortFailure.retryable(PORT, "Duo could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(PORT, "interrupted while calling Duo", e);
        }
    }

    private static JsonNode envelope(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw failureWithoutEnvelope(response);
        }
        String stat = body.path("stat").asText("");
        if (stat.equals("OK") && response.statusCode() / 100 == 2) {
            return body.path("response");
        }
        if (stat.equals("FAIL")) {
            String detail = body.path("message_detail").asText("");
            throw new Fail(response.statusCode(), body.path("code").asInt(0), body.path("message").asText("")
                    + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        throw failureWithoutEnvelope(response);
    }

    private static PortFailure failureWithoutEnvelope(HttpResponse<String> response) {
        String what = "Duo answered " + response.request().uri().getPath() + " with HTTP " + response.statusCode()
                + " and no Duo answer";
        return response.statusCode() >= 500 ? PortFailure.retryable(PORT, what, null)
                : PortFailure.permanent(PORT, what, null);
    }

    private static Optional<Duration> seconds(String text) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
