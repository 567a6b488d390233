package dev.steward.adapter.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Copies of recent reads, kept for a short time so that a hot read (a dashboard or program polling one client)
 * costs no query. This instance's own writes forget the key once committed, so it always reads its own writes;
 * writes by another control-plane instance show here within the time to live. A load that overlapped any forget is
 * not kept, so an old row read before a commit can never be cached after it.
 */
final class RecentReads<K, V> {

    private record Entry<V>(V value, Instant until) {}

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgets = new AtomicLong();

    RecentReads(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    Optional<V> get(K key, Supplier<Optional<V>> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return Optional.of(entry.value());
        }
        long before = forgets.get();
        Optional<V> loaded = load.get();
        if (loaded.isPresent() && forgets.get() == before) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(loaded.get(), now.plus(ttl)));
        }
        return loaded;
    }

    void forget(K key) {
        forgets.incrementAndGet();
        entries.remove(key);
    }
}
