package dev.steward.application.port.activity;

import dev.steward.application.stability.Stable;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log: every tool call and transcript line, append-only. There is no way to change or remove an entry
 * (a store should also refuse it below the application, e.g. with a trigger). ({@code ActivityLogContract}.)
 */
@Stable
public interface ActivityLog {

    /** Appends entries; an entry whose id is already stored is ignored (appending is idempotent by id). */
    void append(List<ActivityEntry> entries);

    default void append(ActivityEntry entry) {
        append(List.of(entry));
    }

    /** Entries matching the query, newest first ((at, id) descending), at most {@code query.limit()}. */
    List<ActivityEntry> query(ActivityQuery query);

    /**
     * When each of {@code clients} (of {@code msp}) last had an entry: the newest entry's time per client, for lists.
     * A client without entries, or of another MSP, is not a key. The stores answer in one query; this default, kept
     * for adapters written before it existed, asks once per client.
     */
    default Map<ClientId, Instant> lastActivity(MspId msp, Collection<ClientId> clients) {
        Map<ClientId, Instant> newest = new HashMap<>();
        for (ClientId client : clients) {
            query(ActivityQuery.newest(msp, Optional.of(client), 1)).stream().findFirst()
                    .ifPresent(entry -> newest.put(client, entry.at()));
        }
        return newest;
    }
}
