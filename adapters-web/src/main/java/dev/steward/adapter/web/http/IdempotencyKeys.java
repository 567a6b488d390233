package dev.steward.adapter.web.http;

import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.domain.msp.MspId;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi-idempotency-key-header): a POST retried with the same key
 * and the same body gets the first response again (with {@code Idempotent-Replayed: true}) instead of acting twice.
 * Keys are scoped to the caller's MSP. A retry arriving while the first request still runs waits for its outcome.
 * Only successful responses are kept: after an error the key is free again, so a retry really retries. The same key
 * with another body is refused (422 on {@code Idempotency-Key}).
 *
 * <p>Responses are kept in this process for {@link #RETENTION}, at most {@link #MAX_KEYS} keys. A restart forgets them;
 * for client creation that is safe anyway, since a slug can be registered only once.
 */
public final class IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);
    public static final int MAX_KEYS = 10_000;
    private static final int MAX_KEY_LENGTH = 255;

    /** A finished response, replayable byte for byte. */
    public record StoredResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

        public StoredResponse {
            headers = Map.copyOf(headers);
        }

        public void writeTo(Context ctx) {
            headers.forEach(ctx::header);
            ctx.status(status).contentType(contentType).result(body);
        }
    }

    private record Key(MspId msp, String key) {
    }

    private record Entry(byte[] fingerprint, Instant at, CompletableFuture<StoredResponse> response) {
    }

    private final Clock clock;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    public IdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    /** The request's key, if it sent one. @throws RequestProblem naming the header if it is unusable */
    public static Optional<String> keyOf(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        boolean printable = key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !printable) {
            throw RequestProblem.invalidField("Idempotency-Key", "idempotency-key.malformed",
                    "must be 1-255 visible ASCII characters, e.g. a UUID");
        }
        return Optional.of(key);
    }

    /**
     * Runs {@code action} once per (MSP, key): later calls with the same body get its response; a failure (any
     * exception) is passed on and frees the key.
     */
    public StoredResponse once(MspId msp, String key, byte[] body, Supplier<StoredResponse> action) {
        evictExpired();
        byte[] fingerprint = Digests.sha256(body);
        CompletableFuture<StoredResponse> mine = new CompletableFuture<>();
        Key k = new Key(msp, key);
        Entry entry = entries.computeIfAbsent(k, ignored -> new Entry(fingerprint, clock.instant(), mine));
        if (!Arrays.equals(entry.fingerprint(), fingerprint)) {
            throw RequestProblem.invalidField("Idempotency-Key", "idempotency-key.reused",
                    "was already used for a request with another body; use a new key for a new request");
        }
        if (entry.response() != mine) {
            return replayOf(entry.response());
        }
        try {
            StoredResponse response = action.get();
            mine.complete(response);
            return response;
        } catch (RuntimeException | Error e) {
            entries.remove(k, entry);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static StoredResponse replayOf(CompletableFuture<StoredResponse> first) {
        StoredResponse original;
        try {
            original = first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request with this key", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the first request with this key failed", e.getCause());
        }
        Map<String, String> headers = new HashMap<>(original.headers());
        headers.put("Idempotent-Replayed", "true");
        return new StoredResponse(original.status(), headers, original.contentType(), original.body());
    }

    private void evictExpired() {
        Instant oldest = clock.instant().minus(RETENTION);
        entries.values().removeIf(e -> e.at().isBefore(oldest) && e.response().isDone());
        if (entries.size() > MAX_KEYS) {
            entries.entrySet().stream()
                    .filter(e -> e.getValue().response().isDone())
                    .sorted(Comparator.comparing(e -> e.getValue().at()))
                    .limit(entries.size() - MAX_KEYS)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }
}
