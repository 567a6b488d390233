package dev.steward.application.idempotency;

import dev.steward.application.port.store.IdempotencyRecords.Answer;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Requests sent with an idempotency key: the first one with a key runs, later ones with the same key and body get its
 * answer again, on any control-plane instance, for {@link #RETENTION}. The request's effect, its answer and the claim
 * of the key are one unit of work: if the instance dies mid-request nothing of it stays and a retry runs it afresh;
 * once it committed, every retry learns its answer (e.g. the client it created).
 */
public interface AnswerOnceUseCase {

    Duration RETENTION = Duration.ofHours(24);

    /**
     * Runs {@code request} once per (MSP, key) in a unit of work that also stores its answer; a failure (any
     * exception) rolls everything back, so the key is free again.
     */
    Outcome answer(MspId msp, String key, byte[] requestFingerprint, Supplier<Answer> request);

    /** What became of a request with a key. */
    sealed interface Outcome {

        /** It ran now ({@code replayed} false) or earlier, and this is its answer. */
        record Answered(Answer answer, boolean replayed) implements Outcome {}

        /** The key was used for a request with another body. */
        record KeyReused() implements Outcome {}

        /** A request with this key is still running (longer than a retry waits). */
        record StillRunning() implements Outcome {}
    }
}
