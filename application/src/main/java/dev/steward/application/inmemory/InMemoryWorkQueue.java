package dev.steward.application.inmemory;

import dev.steward.application.port.agent.WorkQueue;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.work.WorkItem;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Work items in memory, in the order added; one lock makes each operation atomic; writes undo on rollback. */
public final class InMemoryWorkQueue implements WorkQueue {

    private static final class Entry {
        private final WorkItem item;
        private UUID lease;
        private UUID holder;
        private Instant until;
        private int deliveries;
        private boolean finished;

        Entry(WorkItem item) {
            this.item = item;
        }

        Entry copy() {
            Entry copy = new Entry(item);
            copy.lease = lease;
            copy.holder = holder;
            copy.until = until;
            copy.deliveries = deliveries;
            copy.finished = finished;
            return copy;
        }

        void restore(Entry saved) {
            lease = saved.lease;
            holder = saved.holder;
            until = saved.until;
            deliveries = saved.deliveries;
            finished = saved.finished;
        }

        boolean leasedAt(Instant now) {
            return lease != null && until.isAfter(now);
        }
    }

    private record Key(ClientId client, String key) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<UUID, Entry> byId = new LinkedHashMap<>();
    private final Map<Key, UUID> byKey = new HashMap<>();

    @Inject
    public InMemoryWorkQueue(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized boolean add(WorkItem item) {
        Key key = new Key(item.client(), item.key());
        if (byKey.containsKey(key) || byId.containsKey(item.id())) {
            return false;
        }
        byId.put(item.id(), new Entry(item));
        byKey.put(key, item.id());
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.remove(item.id());
                byKey.remove(key);
            }
        });
        return true;
    }

    /** Whether {@code holder} is a later run than {@code current}: UUIDs compared as unsigned bytes, as PostgreSQL does. */
    private static boolean later(UUID holder, UUID current) {
        int high = Long.compareUnsigned(holder.getMostSignificantBits(), current.getMostSignificantBits());
        return high > 0 || high == 0 && Long.compareUnsigned(holder.getLeastSignificantBits(),
                current.getLeastSignificantBits()) > 0;
    }

    @Override
    public synchronized Optional<Leased> take(ClientId client, UUID holder, Instant now, Duration duration) {
        Optional<Entry> head = byId.values().stream().filter(e -> e.item.client().equals(client) && !e.finished)
                .findFirst();
        if (head.isEmpty() || (head.get().leasedAt(now) && !later(holder, head.get().holder))) {
            return Optional.empty();
        }
        Entry entry = head.get();
        remember(entry);
        entry.lease = UUID.randomUUID();
        entry.holder = holder;
        entry.until = now.plus(duration);
        entry.deliveries++;
        return Optional.of(new Leased(entry.item, entry.lease, holder, entry.until, entry.deliveries));
    }

    @Override
    public synchronized boolean renew(ClientId client, UUID item, UUID lease, Instant now, Duration duration) {
        Entry entry = current(client, item, lease);
        if (entry == null) {
            return false;
        }
        remember(entry);
        entry.until = now.plus(duration);
        return true;
    }

    @Override
    public synchronized Optional<WorkItem> complete(ClientId client, UUID item, UUID lease) {
        Entry entry = current(client, item, lease);
        if (entry == null) {
            return Optional.empty();
        }
        remember(entry);
        entry.finished = true;
        return Optional.of(entry.item);
    }

    @Override
    public synchronized int finishSession(ClientId client, UUID session) {
        List<Entry> open = new ArrayList<>();
        byId.values().stream().filter(e -> e.item.client().equals(client) && !e.finished
                && e.item.work().session().equals(session)).forEach(open::add);
        for (Entry entry : open) {
            remember(entry);
            entry.finished = true;
        }
        return open.size();
    }

    @Override
    public synchronized int waiting(ClientId client, Instant now) {
        return (int) byId.values().stream().filter(e -> e.item.client().equals(client) && !e.finished
                && !e.leasedAt(now)).count();
    }

    @Override
    public synchronized Map<ClientId, Integer> waitingByClient(Collection<ClientId> clients, Instant now) {
        Map<ClientId, Integer> counts = new HashMap<>();
        clients.forEach(client -> counts.put(client, 0));
        for (Entry entry : byId.values()) {
            if (!entry.finished && !entry.leasedAt(now) && counts.containsKey(entry.item.client())) {
                counts.merge(entry.item.client(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Override
    public synchronized Totals totals(Instant now) {
        long waiting = 0;
        long inFlight = 0;
        for (Entry entry : byId.values()) {
            if (!entry.finished) {
                if (entry.leasedAt(now)) {
                    inFlight++;
                } else {
                    waiting++;
                }
            }
        }
        return new Totals(waiting, inFlight);
    }

    private Entry current(ClientId client, UUID item, UUID lease) {
        Entry entry = byId.get(item);
        return entry != null && !entry.finished && entry.item.client().equals(client) && lease.equals(entry.lease)
                ? entry : null;
    }

    private void remember(Entry entry) {
        Entry saved = entry.copy();
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                entry.restore(saved);
            }
        });
    }
}
