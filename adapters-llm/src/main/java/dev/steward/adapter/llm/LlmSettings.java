package dev.steward.adapter.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the model is and how patient to be with it.
 *
 * @param url             OpenAI-compatible servers: the base URL ({@code https://api.openai.com},
 *                        {@code http://localhost:11434/v1}, ...; {@code /v1/chat/completions} is appended, without
 *                        doubling a trailing {@code /v1}). Azure OpenAI: the deployment URL
 *                        ({@code https://{resource}.openai.azure.com/openai/deployments/{deployment}})
 * @param model           the model name sent in every request (Azure routes by deployment and ignores it)
 * @param key             sent as {@code Authorization: Bearer} (Azure: {@code api-key}); local servers may need none
 * @param azureApiVersion present for Azure OpenAI: sent as the {@code api-version} query parameter
 * @param requestTimeout  the longest one completion may take; beyond it the step fails (retryable)
 * @param maxAttempts     attempts in all for one step while the server throttles (429) or fails (5xx)
 * @param maxRetryWait    the longest wait between two attempts; a {@code Retry-After} beyond it fails at once
 */
public record LlmSettings(URI url, String model, Optional<ApiKey> key, Optional<String> azureApiVersion,
                          Duration requestTimeout, int maxAttempts, Duration maxRetryWait) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(30);

    public LlmSettings {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL (got '" + url + "')");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not carry a query, fragment or credentials");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        model = model.strip();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(azureApiVersion, "azureApiVersion");
        if (azureApiVersion.isPresent() && !azureApiVersion.get().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?")) {
            throw new IllegalArgumentException("azureApiVersion must look like 2024-10-21 or 2025-01-01-preview (got '"
                    + azureApiVersion.get() + "')");
        }
        if (azureApiVersion.isPresent() && key.isEmpty()) {
            throw new IllegalArgumentException("key is required for Azure OpenAI");
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10 (got " + maxAttempts + ")");
        }
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        if (maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryWait must not be negative");
        }
    }

    /** An OpenAI-compatible server with the default patience. */
    public static LlmSettings openAi(URI url, String model, Optional<ApiKey> key) {
        return new LlmSettings(url, model, key, Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS,
                DEFAULT_MAX_RETRY_WAIT);
    }

    /** An Azure OpenAI deployment with the default patience. */
    public static LlmSettings azure(URI deploymentUrl, String model, ApiKey key, String apiVersion) {
        return new LlmSettings(deploymentUrl, model, Optional.of(key), Optional.of(apiVersion), DEFAULT_TIMEOUT,
                DEFAULT_ATTEMPTS, DEFAULT_MAX_RETRY_WAIT);
    }

    public LlmSettings withPatience(Duration timeout, int attempts, Duration retryWait) {
        return new LlmSettings(url, model, key, azureApiVersion, timeout, attempts, retryWait);
    }

    public boolean azure() {
        return azureApiVersion.isPresent();
    }

    /** The chat-completions endpoint these settings point at. */
    URI endpoint() {
        String base = url.toString().replaceAll("/+$", "");
        if (azure()) {
            return URI.create(base + "/chat/completions?api-version=" + azureApiVersion.get());
        }
        if (base.endsWith("/chat/completions")) {
            return URI.create(base);
        }
        return URI.create(base + (base.endsWith("/v1") ? "" : "/v1") + "/chat/completions");
    }
}
