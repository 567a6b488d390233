package dev.steward.adapter.web.http;

import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.idempotency.AnswerOnceUseCase;
import dev.steward.application.idempotency.AnswerOnceUseCase.Outcome;
import dev.steward.application.port.store.IdempotencyRecords.Answer;
import dev.steward.domain.msp.MspId;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi-idempotency-key-header): a POST retried with the same key
 * and the same body gets the first response again (with {@code Idempotent-Replayed: true}) instead of acting twice.
 * Keys are scoped to the caller's MSP and kept in the store for {@link AnswerOnceUseCase#RETENTION}, so a retry sent to
 * another control-plane instance, or after a restart, is answered the same. The response is stored in the same
 * transaction as the request's effect ({@link AnswerOnceUseCase}): a retry arriving while the first request still runs
 * waits for its outcome (409 with Retry-After after 30 s), and after an instance died mid-request the retry runs it
 * afresh, because nothing of the first attempt was kept. Only successful responses are kept: after an error the key is
 * free again. The same key with another body is refused (422 on {@code Idempotency-Key}).
 */
public final class IdempotencyKeys {

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

    private final AnswerOnceUseCase answerOnce;

    @Inject
    public IdempotencyKeys(AnswerOnceUseCase answerOnce) {
        this.answerOnce = answerOnce;
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
        Outcome outcome = answerOnce.answer(msp, key, Digests.sha256(body), () -> {
            StoredResponse response = action.get();
            return new Answer(response.status(), response.headers(), response.contentType(), response.body());
        });
        return switch (outcome) {
            case Outcome.Answered answered -> replayed(answered.answer(), answered.replayed());
            case Outcome.KeyReused reused -> throw RequestProblem.invalidField("Idempotency-Key",
                    "idempotency-key.reused",
                    "was already used for a request with another body; use a new key for a new request");
            case Outcome.StillRunning running -> throw new RequestProblem(new Problem(409, "Conflict",
                    "idempotency-key.in-progress", "a request with this key is still running; retry it later",
                    List.of(), Map.of("Retry-After", "1")));
        };
    }

    private static StoredResponse replayed(Answer answer, boolean replayed) {
        Map<String, String> headers = new HashMap<>(answer.headers());
        if (replayed) {
            headers.put("Idempotent-Replayed", "true");
        }
        return new StoredResponse(answer.status(), headers, answer.contentType(), answer.body());
    }
}
