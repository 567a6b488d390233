package dev.steward.application.port;

import dev.steward.application.spi.Stable;
import dev.steward.domain.activity.ActivityEntry;
import java.util.List;

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
}
