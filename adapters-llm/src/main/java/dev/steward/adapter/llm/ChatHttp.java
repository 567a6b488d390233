package dev.steward.adapter.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * One chat-completions exchange: POSTs the body, retries while the server throttles (429) or fails (5xx) — a
 * completion has no side effect, so repeating it is safe — waiting {@code Retry-After} / {@code retry-after-ms} when
 * given, else backing off exponentially with jitter, all within {@link LlmSettings#maxAttempts()}. Everything else
 * becomes a {@link PortFailure}: 401/403 and other 4xx permanent, timeouts, unreachable and exhausted retries
 * retryable. The key goes into a header only; messages pass through {@link ApiKey#scrub} and logs name the path
 * and status, never headers or bodies.
 */
final class ChatHttp {

    static final String PORT = "reasoner";
    private static final Logger LOG = LoggerFactory.getLogger(ChatHttp.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final int MAX_MESSAGE = 300;

    private final HttpClient client;
    private final LlmSettings settings;
    private final Pause pause;
    private final ObjectMapper json;
    private final URI endpoint;

    ChatHttp(HttpClient client, LlmSettings settings, Pause pause, ObjectMapper json) {
        this.client = client;
        this.settings = settings;
        this.pause = pause;
        this.json = json;
        this.endpoint = settings.endpoint();
    }

    static HttpClient defaultClient() {
        // HTTP/1.1: several local servers (llama.cpp, some vLLM front ends) do not handle an h2c upgrade
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The server's JSON answer to {@code body}. */
    JsonNode complete(String body) {
        HttpRequest request = request(body);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = exchange(request);
            int status = response.statusCode();
            LOG.debug("chat completions {} -> {} (attempt {})", endpoint.getPath(), status, attempt);
            if (status >= 200 && status < 300) {
                return parse(response.body());
            }
            if (status != 429 && status < 500) {
                throw refused(status, response.body());
            }
            Duration wait = waitBefore(response, attempt);
            String what = status == 429 ? "is throttling requests (HTTP 429)" : "failed with HTTP " + status;
            if (attempt >= settings.maxAttempts() || wait.compareTo(settings.maxRetryWait()) > 0) {
                throw PortFailure.retryable(PORT, "the model server " + what + " after " + attempt + " attempt(s)"
                        + message(response.body()), null);
            }
            LOG.info("the model server {}; retrying in {} ms (attempt {} of {})", what, wait.toMillis(), attempt + 1,
                    settings.maxAttempts());
            sleep(wait);
        }
    }

    private HttpRequest request(String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        settings.key().ifPresent(key -> {
            if (settings.azure()) {
                builder.header("api-key", key.reveal());
            } else {
                builder.header("Authorization", "Bearer " + key.reveal());
            }
        });
        return builder.build();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw PortFailure.retryable(PORT, "the model server did not answer within "
                    + settings.requestTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw PortFailure.retryable(PORT, "the model server at " + endpoint.getHost() + " could not be reached ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(PORT, "interrupted while waiting for the model server", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw PortFailure.permanent(PORT, "the model server answered with something other than a JSON "
                        + "object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw PortFailure.permanent(PORT, "the model server answered with malformed JSON ("
                    + scrub(e.getOriginalMessage()) + ")", null);
        }
    }

    private PortFailure refused(int status, String body) {
        if (status == 401 || status == 403) {
            return PortFailure.permanent(PORT, "the model server refused the API key (HTTP " + status + ")"
                    + message(body), null);
        }
        return PortFailure.permanent(PORT, "the model server rejected the request with HTTP " + status
                + message(body), null);
    }

    /**
     * The server's own words, from {@code {"error":{"message"}}} (OpenAI, vLLM, Azure), {@code {"error":"…"}}
     * (Ollama) or plain text; clipped and without the key.
     */
    private String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text;
        try {
            JsonNode error = json.readTree(body).path("error");
            text = error.isTextual() ? error.asText() : error.path("message").isTextual()
                    ? error.path("message").asText() : body;
        } catch (JsonProcessingException notJson) {
            text = body;
        }
        text = scrub(text).strip();
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE) + "…";
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    private String scrub(String text) {
        return settings.key().map(k -> k.scrub(text)).orElse(text == null ? "" : text);
    }

    /** {@code retry-after-ms} (OpenAI), else {@code Retry-After} in seconds, else exponential backoff with jitter. */
    private Duration waitBefore(HttpResponse<String> response, int attempt) {
        Optional<Long> millis = number(response, "retry-after-ms");
        if (millis.isPresent()) {
            return Duration.ofMillis(millis.get());
        }
        Optional<Long> seconds = number(response, "Retry-After");
        if (seconds.isPresent()) {
            return Duration.ofSeconds(seconds.get());
        }
        long base = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static Optional<Long> number(HttpResponse<String> response, String header) {
        try {
            return response.headers().firstValue(header).map(String::strip).map(Long::parseLong).map(v -> Math.max(0, v));
        } catch (NumberFormatException notANumber) {
            return Optional.empty(); // an HTTP-date; the backoff is a fine stand-in
        }
    }

    private void sleep(Duration wait) {
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(PORT, "interrupted while waiting to retry the model server", e);
        }
    }
}
