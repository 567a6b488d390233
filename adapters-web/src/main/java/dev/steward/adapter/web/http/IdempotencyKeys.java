package dev.steward.adapter.web.http;

import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.port.IdempotencyRecords;
import dev.steward.application.port.IdempotencyRecords.Answer;
import dev.steward.application.port.IdempotencyRecords.Claim;
import dev.steward.domain.msp.MspId;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi-idempotency-key-header): a POST retried with the same key
 * and the same body gets the first response again (with {@code Idempotent-Replayed: true}) instead of acting twice.
 * Keys are scoped to the caller's MSP and kept in the store ({@link IdempotencyRecords}) for {@link #RETENTION}, so
 * a retry sent to another control-plane instance, or after a restart, is answered the same. A retry arriving while
 * the first request still runs waits for its outcome (up to {@link #WAIT}, then 409 with Retry-After). Only
 * successful responses are kept: after an error the key is free again, so a retry really retries. The same key with
 * another body is refused (422 on {@code Idempotency-Key}). A claim whose instance died mid-request is taken over
 * after {@link #ABANDONED_AFTER}.
 */
public final class IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
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

    private final IdempotencyRecords records;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    @Inject
    public IdempotencyKeys(IdempotencyRecords records, Clock clock) {
        this.records = records;
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
        purgeNowAndThen();
        byte[] fingerprint = Digests.sha256(body);
        Instant giveUp = clock.instant().plus(WAIT);
        while (true) {
            Instant now = clock.instant();
            switch (records.claim(msp, key, fingerprint, now, now.minus(ABANDONED_AFTER))) {
                case Claim.Claimed claimed -> {
                    return runClaimed(msp, key, action);
                }
                case Claim.Taken taken -> {
                    if (!Arrays.equals(taken.fingerprint(), fingerprint)) {
                        throw RequestProblem.invalidField("Idempotency-Key", "idempotency-key.reused",
                                "was already used for a request with another body; use a new key for a new request");
                    }
                    if (taken.answer().isPresent()) {
                        return replayOf(taken.answer().get());
                    }
                    if (now.isAfter(giveUp)) {
                        throw new RequestProblem(new Problem(409, "Conflict", "idempotency-key.in-progress",
                                "a request with this key is still running; retry it later", List.of(),
                                Map.of("Retry-After", "1")));
                    }
                    pause();
                }
            }
        }
    }

    private StoredResponse runClaimed(MspId msp, String key, Supplier<StoredResponse> action) {
        StoredResponse response;
        try {
            response = action.get();
        } catch (RuntimeException | Error e) {
            records.release(msp, key);
            throw e;
        }
        records.complete(msp, key, new Answer(response.status(), response.headers(), response.contentType(),
                response.body()));
        return response;
    }

    private static StoredResponse replayOf(Answer original) {
        Map<String, String> headers = new HashMap<>(original.headers());
        headers.put("Idempotent-Replayed", "true");
        return new StoredResponse(original.status(), headers, original.contentType(), original.body());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request with this key", e);
        }
    }

    private void purgeNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (last.isBefore(now.minus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
            records.purgeOlderThan(now.minus(RETENTION));
        }
    }
}
