package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The audit log in PostgreSQL. Appends are one {@code INSERT … SELECT FROM unnest(arrays)} per chunk (one round trip
 * for thousands of entries) with {@code ON CONFLICT (id) DO NOTHING}, which makes them idempotent by id. Queries use
 * the (client, at desc, id desc) and (msp, at desc, id desc) indexes; pages are keyset, never OFFSET. The table's
 * triggers refuse UPDATE, DELETE and TRUNCATE, so not even this class could change an entry.
 */
public final class JdbiActivityLog implements ActivityLog {

    /** Entries per INSERT statement: large enough to amortise the round trip, small enough to bound memory. */
    static final int CHUNK = 5_000;

    private static final String INSERT = """
            insert into activity_log (id, msp_id, client_id, session_id, ticket, at, kind, tool, arguments, outcome,
                                      summary, duration_nanos, actor)
            select t.id, t.msp, t.client, t.session, t.ticket, t.at, t.kind, t.tool, t.arguments::jsonb, t.outcome,
                   t.summary, t.duration, t.actor
            from unnest(:ids::uuid[], :msps::uuid[], :clients::uuid[], :sessions::uuid[], :tickets::text[],
                        :ats::timestamptz[], :kinds::text[], :tools::text[], :arguments::text[], :outcomes::text[],
                        :summaries::text[], :durations::bigint[], :actors::text[])
                 as t(id, msp, client, session, ticket, at, kind, tool, arguments, outcome, summary, duration, actor)
            on conflict (id) do nothing
            """;

    private static final String SELECT = "select id, msp_id, client_id, session_id, ticket, at, kind, tool, outcome, "
            + "summary, duration_nanos, actor, " + Columns.jsonMap("arguments") + " from activity_log";

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiActivityLog(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void append(List<ActivityEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.withHandle(h -> {
            for (int from = 0; from < entries.size(); from += CHUNK) {
                List<ActivityEntry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
                h.createUpdate(INSERT)
                        .bindArray("ids", String.class, column(chunk, e -> e.id().toString()))
                        .bindArray("msps", String.class, column(chunk, e -> e.msp().toString()))
                        .bindArray("clients", String.class, column(chunk, e -> e.client().toString()))
                        .bindArray("sessions", String.class, column(chunk, e -> e.session().map(UUID::toString)
                                .orElse(null)))
                        .bindArray("tickets", String.class, column(chunk, e -> e.ticket().orElse(null)))
                        .bindArray("ats", String.class, column(chunk, e -> e.at().toString()))
                        .bindArray("kinds", String.class, column(chunk, e -> e.kind().name().toLowerCase(Locale.ROOT)))
                        .bindArray("tools", String.class, column(chunk, e -> e.tool().map(ToolName::value)
                                .orElse(null)))
                        .bindArray("arguments", String.class, column(chunk, e -> Columns.jsonText(h, e.arguments().values())))
                        .bindArray("outcomes", String.class, column(chunk, e -> e.outcome().label()))
                        .bindArray("summaries", String.class, column(chunk, ActivityEntry::summary))
                        .bindArray("durations", String.class, column(chunk, e -> Long.toString(e.duration().toNanos())))
                        .bindArray("actors", String.class, column(chunk, e -> e.actor().orElse(null)))
                        .execute();
            }
            return null;
        });
    }

    private static String[] column(List<ActivityEntry> entries, java.util.function.Function<ActivityEntry, String> f) {
        String[] values = new String[entries.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.apply(entries.get(i));
        }
        return values;
    }

    @Override
    public List<ActivityEntry> query(ActivityQuery q) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where msp_id = :msp");
        q.client().ifPresent(c -> sql.append(" and client_id = :client"));
        q.ticket().ifPresent(t -> sql.append(" and ticket = :ticket"));
        q.tool().ifPresent(t -> sql.append(" and tool = :tool"));
        q.outcome().ifPresent(o -> sql.append(" and outcome = :outcome"));
        q.from().ifPresent(f -> sql.append(" and at >= :from"));
        q.to().ifPresent(t -> sql.append(" and at < :to"));
        q.before().ifPresent(b -> sql.append(" and (at, id) < (:beforeAt, :beforeId)"));
        sql.append(" order by at desc, id desc limit :limit");
        return db.read(h -> {
            Query select = h.createQuery(sql.toString()).bind("msp", q.msp().value()).bind("limit", q.limit());
            q.client().ifPresent(c -> select.bind("client", c.value()));
            q.ticket().ifPresent(t -> select.bind("ticket", t));
            q.tool().ifPresent(t -> select.bind("tool", t.value()));
            q.outcome().ifPresent(o -> select.bind("outcome", o.label()));
            q.from().ifPresent(f -> select.bind("from", ts(f)));
            q.to().ifPresent(t -> select.bind("to", ts(t)));
            q.before().ifPresent(b -> select.bind("beforeAt", ts(b.at())).bind("beforeId", b.id()));
            return select.map(JdbiActivityLog::map).list();
        });
    }

    /**
     * One statement for all the clients: for each, the newest row by the (client, at desc, id desc) index (a
     * lateral top-1, so a client with a long history costs one index probe, not a scan of its entries).
     */
    @Override
    public Map<ClientId, Instant> lastActivity(MspId msp, Collection<ClientId> clients) {
        if (clients.isEmpty()) {
            return Map.of();
        }
        Map<ClientId, Instant> newest = new HashMap<>();
        db.read(h -> h.createQuery("""
                        select asked.client_id, latest.at
                        from unnest(:clients::uuid[]) as asked(client_id)
                        cross join lateral (select a.at from activity_log a
                                            where a.client_id = asked.client_id and a.msp_id = :msp
                                            order by a.at desc, a.id desc limit 1) as latest""")
                .bindArray("clients", String.class, clients.stream().map(ClientId::toString).toArray(String[]::new))
                .bind("msp", msp.value())
                .map((rs, ctx) -> Map.entry(new ClientId(Columns.uuid(rs, "client_id")), Columns.instant(rs, "at")))
                .list()).forEach(row -> newest.put(row.getKey(), row.getValue()));
        return newest;
    }

    private static ActivityEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ActivityEntry(
                Columns.uuid(rs, "id"),
                new MspId(Columns.uuid(rs, "msp_id")),
                new ClientId(Columns.uuid(rs, "client_id")),
                Optional.ofNullable(Columns.uuid(rs, "session_id")),
                Columns.optionalText(rs, "ticket"),
                Columns.instant(rs, "at"),
                ActivityKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                Columns.optionalText(rs, "tool").map(ToolName::of),
                new RedactedArguments(Columns.map(rs, "arguments")),
                ActivityOutcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                rs.getString("summary"),
                Duration.ofNanos(rs.getLong("duration_nanos")),
                Columns.optionalText(rs, "actor"));
    }
}
