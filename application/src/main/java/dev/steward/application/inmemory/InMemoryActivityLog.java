package dev.steward.application.inmemory;

import dev.steward.application.id.UnsignedUuidOrder;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** The activity log in memory: append-only, ordered newest first by (at, id). */
public final class InMemoryActivityLog implements ActivityLog {

    private static final Comparator<ActivityEntry> NEWEST_FIRST = Comparator.comparing(ActivityEntry::at)
            .thenComparing(ActivityEntry::id, UnsignedUuidOrder.INSTANCE).reversed();

    private final ConcurrentSkipListSet<ActivityEntry> entries = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    private final Set<UUID> ids = ConcurrentHashMap.newKeySet();

    @jakarta.inject.Inject
    public InMemoryActivityLog() {
    }

    @Override
    public void append(List<ActivityEntry> batch) {
        for (ActivityEntry entry : batch) {
            if (ids.add(entry.id())) {
                entries.add(entry);
            }
        }
    }

    @Override
    public List<ActivityEntry> query(ActivityQuery q) {
        return entries.stream()
                .filter(e -> e.msp().equals(q.msp()))
                .filter(e -> q.client().map(c -> c.equals(e.client())).orElse(true))
                .filter(e -> q.ticket().map(t -> e.ticket().map(t::equals).orElse(false)).orElse(true))
                .filter(e -> q.tool().map(t -> e.tool().map(t::equals).orElse(false)).orElse(true))
                .filter(e -> q.outcome().map(o -> o == e.outcome()).orElse(true))
                .filter(e -> q.from().map(f -> !e.at().isBefore(f)).orElse(true))
                .filter(e -> q.to().map(t -> e.at().isBefore(t)).orElse(true))
                .filter(e -> q.before().map(c -> e.at().isBefore(c.at())
                        || (e.at().equals(c.at()) && UnsignedUuidOrder.INSTANCE.compare(e.id(), c.id()) < 0)).orElse(true))
                .limit(q.limit())
                .toList();
    }

    @Override
    public Map<ClientId, Instant> lastActivity(MspId msp, Collection<ClientId> clients) {
        Set<ClientId> asked = Set.copyOf(clients);
        Map<ClientId, Instant> newest = new HashMap<>();
        // newest first: the first entry seen for a client is its last activity
        for (ActivityEntry entry : entries) {
            if (entry.msp().equals(msp) && asked.contains(entry.client())) {
                newest.putIfAbsent(entry.client(), entry.at());
            }
        }
        return newest;
    }
}
