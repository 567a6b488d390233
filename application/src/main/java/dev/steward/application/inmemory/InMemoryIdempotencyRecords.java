package dev.steward.application.inmemory;

import dev.steward.application.port.store.IdempotencyRecords;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotency records in memory (lost on restart), for tests and embedding. A claim holds the key in the
 * {@link InMemoryUnitOfWork} until the unit of work ends, and is undone if it rolls back.
 */
public final class InMemoryIdempotencyRecords implements IdempotencyRecords {

    private record Key(MspId msp, String key) {}

    private record Entry(byte[] fingerprint, Instant claimedAt, Answer answer) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    public InMemoryIdempotencyRecords(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Claim claim(MspId msp, String key, byte[] fingerprint, Instant now) {
        if (!unitOfWork.inTransaction()) {
            throw new IllegalStateException("idempotency keys are claimed inside UnitOfWork.inTransaction");
        }
        Key k = new Key(msp, key);
        unitOfWork.awaitClaim(k);
        Entry entry = entries.get(k);
        if (entry != null && entry.answer() != null) {
            return new Claim.Taken(entry.fingerprint().clone(), entry.answer());
        }
        entries.put(k, new Entry(fingerprint.clone(), now, null));
        unitOfWork.onRollback(() -> entries.remove(k));
        return new Claim.Claimed();
    }

    @Override
    public void complete(MspId msp, String key, Answer answer) {
        entries.computeIfPresent(new Key(msp, key), (k, e) -> new Entry(e.fingerprint(), e.claimedAt(), answer));
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(e -> e.claimedAt().isBefore(cutoff));
        return before - entries.size();
    }
}
