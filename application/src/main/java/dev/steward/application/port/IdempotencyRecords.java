package dev.steward.application.port;

import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What requests sent with an {@code Idempotency-Key} answered, per MSP and key, kept in the store so that a retry gets
 * the first answer from any control-plane instance and after a restart. ({@code IdempotencyRecordsContract}.)
 */
public interface IdempotencyRecords {

    /** A finished answer, replayable byte for byte. */
    record Answer(int status, Map<String, String> headers, String contentType, byte[] body) {

        public Answer {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Answer a && a.status == status && a.headers.equals(headers)
                    && a.contentType.equals(contentType) && Arrays.equals(a.body, body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, contentType, Arrays.hashCode(body));
        }
    }

    /** What {@link #claim} found. */
    sealed interface Claim {

        /** The key was free (or abandoned): the caller now runs the request and then completes or releases it. */
        record Claimed() implements Claim {}

        /** Someone used the key first: with this request fingerprint, and with its answer once it has one. */
        record Taken(byte[] fingerprint, Optional<Answer> answer) implements Claim {}
    }

    /**
     * Atomically claims {@code key} for a request with {@code fingerprint}. A claim that was never completed and is
     * older than {@code abandonedBefore} (its instance died) counts as free. Of two concurrent claims exactly one
     * gets {@link Claim.Claimed}.
     */
    Claim claim(MspId msp, String key, byte[] fingerprint, Instant now, Instant abandonedBefore);

    /** Stores the answer of a claimed key. */
    void complete(MspId msp, String key, Answer answer);

    /** Frees a claimed key whose request failed, so that a retry really retries. */
    void release(MspId msp, String key);

    /** Forgets keys claimed before {@code cutoff}; returns how many. */
    int purgeOlderThan(Instant cutoff);
}
