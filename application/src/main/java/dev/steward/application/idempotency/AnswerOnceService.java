package dev.steward.application.idempotency;

import dev.steward.application.port.store.IdempotencyRecords;
import dev.steward.application.port.store.IdempotencyRecords.Answer;
import dev.steward.application.port.store.IdempotencyRecords.Claim;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

public final class AnswerOnceService implements AnswerOnceUseCase {

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final IdempotencyRecords records;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    @Inject
    public AnswerOnceService(IdempotencyRecords records, UnitOfWork unitOfWork, Clock clock) {
        this.records = records;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Outcome answer(MspId msp, String key, byte[] requestFingerprint, Supplier<Answer> request) {
        purgeNowAndThen();
        try {
            return unitOfWork.inTransaction(() -> switch (records.claim(msp, key, requestFingerprint,
                    clock.instant())) {
                case Claim.Claimed claimed -> {
                    Answer answer = request.get();
                    records.complete(msp, key, answer);
                    yield new Outcome.Answered(answer, false);
                }
                case Claim.Taken taken -> Arrays.equals(taken.fingerprint(), requestFingerprint)
                        ? new Outcome.Answered(taken.answer(), true)
                        : new Outcome.KeyReused();
            });
        } catch (PortFailure e) {
            if (IdempotencyRecords.PORT.equals(e.port())) {
                return new Outcome.StillRunning();
            }
            throw e;
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
