package dev.steward.application.port.store;

import dev.steward.application.problem.PortFailure;
import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What requests sent with an {@code Idempotency-Key} answered, per MSP and key, kept in the store so that a retry gets
 * the first answer from any control-plane instance and after a restart. ({@code IdempotencyRecordsContract}.)
 */
@Stable
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

        /** The key was free: the caller runs the request and completes the key in the same unit of work. */
        record Claimed() implements Claim {}

        /** A request with this key was answered first: with this request fingerprint, and this answer. */
        record Taken(byte[] fingerprint, Answer answer) implements Claim {}
    }

    /**
     * Claims {@code key} for a request with {@code fingerprint}, inside a unit of work: the claim is part of it, so the
     * request's effect, its {@link #complete answer} and the claim commit together or not at all (a unit of work that
     * rolls back, or whose instance dies, leaves the key free). A claim of a key that another unit of work holds waits
     * until that one ends, then sees its answer, or claims the key if it rolled back. Of concurrent claims exactly one
     * gets {@link Claim.Claimed}.
     *
     * @throws PortFailure retryable, with port {@value #PORT}, when the other unit of work holds the key for longer
     *                     than {@link #WAIT}
     * @throws IllegalStateException outside a unit of work
     */
    Claim claim(MspId msp, String key, byte[] fingerprint, Instant now);

    /** Stores the answer of the key claimed in the current unit of work. */
    void complete(MspId msp, String key, Answer answer);

    /** Forgets keys claimed before {@code cutoff}; returns how many. */
    int purgeOlderThan(Instant cutoff);

    /** The port name of the failure a claim that waited too long raises. */
    String PORT = "idempotency-keys";

    /** How long a claim waits for another unit of work holding the key. */
    java.time.Duration WAIT = java.time.Duration.ofSeconds(30);
}
