package dev.steward.application.inmemory;

import dev.steward.application.port.IdempotencyRecords;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Idempotency records in memory (lost on restart), for tests and embedding. */
public final class InMemoryIdempotencyRecords implements IdempotencyRecords {

    private record Key(MspId msp, String key) {}

    private record Entry(byte[] fingerprint, Instant claimedAt, Optional<Answer> answer) {}

    private final Map<Key, Entry> entries = new HashMap<>();

    @Inject
    public InMemoryIdempotencyRecords() {
    }

    @Override
    public synchronized Claim claim(MspId msp, String key, byte[] fingerprint, Instant now, Instant abandonedBefore) {
        Key k = new Key(msp, key);
        Entry entry = entries.get(k);
        if (entry == null || (entry.answer().isEmpty() && entry.claimedAt().isBefore(abandonedBefore))) {
            entries.put(k, new Entry(fingerprint.clone(), now, Optional.empty()));
            return new Claim.Claimed();
        }
        return new Claim.Taken(entry.fingerprint().clone(), entry.answer());
    }

    @Override
    public synchronized void complete(MspId msp, String key, Answer answer) {
        entries.computeIfPresent(new Key(msp, key), (k, e) -> new Entry(e.fingerprint(), e.claimedAt(),
                Optional.of(answer)));
    }

    @Override
    public synchronized void release(MspId msp, String key) {
        Key k = new Key(msp, key);
        Entry entry = entries.get(k);
        if (entry != null && entry.answer().isEmpty()) {
            entries.remove(k);
        }
    }

    @Override
    public synchronized int purgeOlderThan(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(e -> e.claimedAt().isBefore(cutoff));
        return before - entries.size();
    }
}
