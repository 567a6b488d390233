package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.agent.WorkQueue;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.work.Work;
import dev.steward.domain.work.WorkItem;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Work items in PostgreSQL. A take locks the client's oldest unfinished item ({@code FOR UPDATE}, deliberately not
 * {@code SKIP LOCKED}: a second taker waits and then finds the item leased, instead of skipping to the next item and
 * breaking the order) and leases it only if no live lease of the same agent run holds it.
 */
public final class JdbiWorkQueue implements WorkQueue {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiWorkQueue(JdbiUnitOfWork db) {
        this.db = db;
    }

    /** The columns of one kind of work (the others stay null). */
    private record KindColumns(String kind, String request, String noteId, String noteText, UUID approval) {}

    @Override
    public boolean add(WorkItem item) {
        KindColumns fields = switch (item.work()) {
            case Work.NewTicket start -> new KindColumns("new_ticket", start.request(), null, null, null);
            case Work.FollowUp followUp -> new KindColumns("follow_up", followUp.request(), followUp.noteId(),
                    followUp.text(), null);
            case Work.ApprovalDecided decided -> new KindColumns("approval_decided", null, null, null,
                    decided.approval());
        };
        return db.withHandle(h -> h.createUpdate("""
                        insert into work_items (id, msp_id, client_id, key, kind, session_id, request, note_id,
                                                note_text, approval_id, created_at)
                        values (:id, :msp, :client, :key, :kind, :session, :request, :noteId, :noteText, :approval,
                                :createdAt)
                        on conflict do nothing""")
                .bind("id", item.id())
                .bind("msp", item.msp().value())
                .bind("client", item.client().value())
                .bind("key", item.key())
                .bind("kind", fields.kind())
                .bind("session", item.work().session())
                .bind("request", fields.request())
                .bind("noteId", fields.noteId())
                .bind("noteText", fields.noteText())
                .bind("approval", fields.approval())
                .bind("createdAt", ts(item.createdAt()))
                .execute() == 1);
    }

    @Override
    public Optional<Leased> take(ClientId client, UUID holder, Instant now, Duration duration) {
        UUID lease = UUID.randomUUID();
        return db.withHandle(h -> h.createQuery("""
                        with head as (
                            select id from work_items
                            where client_id = :client and finished_at is null
                            order by seq
                            limit 1
                            for update
                        )
                        update work_items w
                        set lease = :lease, holder = :holder, leased_until = :until, deliveries = w.deliveries + 1
                        from head
                        where w.id = head.id
                          and (w.lease is null or w.leased_until <= :now or w.holder < :holder)
                        returning w.*""")
                .bind("client", client.value())
                .bind("lease", lease)
                .bind("holder", holder)
                .bind("until", ts(now.plus(duration)))
                .bind("now", ts(now))
                .map((rs, ctx) -> new Leased(item(rs, ctx), lease, holder, Columns.instant(rs, "leased_until"),
                        rs.getInt("deliveries")))
                .findOne());
    }

    @Override
    public boolean renew(ClientId client, UUID item, UUID lease, Instant now, Duration duration) {
        return db.withHandle(h -> h.createUpdate("""
                        update work_items set leased_until = :until
                        where id = :id and client_id = :client and lease = :lease and finished_at is null""")
                .bind("until", ts(now.plus(duration)))
                .bind("id", item)
                .bind("client", client.value())
                .bind("lease", lease)
                .execute() == 1);
    }

    @Override
    public Optional<WorkItem> complete(ClientId client, UUID item, UUID lease) {
        return db.withHandle(h -> h.createQuery("""
                        update work_items set finished_at = now()
                        where id = :id and client_id = :client and lease = :lease and finished_at is null
                        returning *""")
                .bind("id", item)
                .bind("client", client.value())
                .bind("lease", lease)
                .map(JdbiWorkQueue::item)
                .findOne());
    }

    @Override
    public int finishSession(ClientId client, UUID session) {
        return db.withHandle(h -> h.createUpdate("""
                        update work_items set finished_at = now()
                        where client_id = :client and session_id = :session and finished_at is null""")
                .bind("client", client.value())
                .bind("session", session)
                .execute());
    }

    @Override
    public int waiting(ClientId client, Instant now) {
        return db.read(h -> h.createQuery("""
                        select count(*) from work_items
                        where client_id = :client and finished_at is null
                          and (lease is null or leased_until <= :now)""")
                .bind("client", client.value())
                .bind("now", ts(now))
                .mapTo(Integer.class).one());
    }

    @Override
    public Map<ClientId, Integer> waitingByClient(Collection<ClientId> clients, Instant now) {
        Map<ClientId, Integer> counts = new HashMap<>();
        clients.forEach(client -> counts.put(client, 0));
        if (clients.isEmpty()) {
            return counts;
        }
        // one grouped count over the open-items index (work_items_open_idx), however many clients are listed
        db.read(h -> h.createQuery("""
                        select client_id, count(*) as waiting from work_items
                        where client_id = any(:clients::uuid[]) and finished_at is null
                          and (lease is null or leased_until <= :now)
                        group by client_id""")
                .bindArray("clients", String.class, clients.stream().map(ClientId::toString).toArray(String[]::new))
                .bind("now", ts(now))
                .map((rs, ctx) -> Map.entry(new ClientId(Columns.uuid(rs, "client_id")), rs.getInt("waiting")))
                .list()).forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }

    @Override
    public Totals totals(Instant now) {
        return db.read(h -> h.createQuery("""
                        select count(*) filter (where lease is null or leased_until <= :now) as waiting,
                               count(*) filter (where lease is not null and leased_until > :now) as in_flight
                        from work_items where finished_at is null""")
                .bind("now", ts(now))
                .map((rs, ctx) -> new Totals(rs.getLong("waiting"), rs.getLong("in_flight"))).one());
    }

    private static WorkItem item(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID session = Columns.uuid(rs, "session_id");
        Work work = switch (rs.getString("kind")) {
            case "new_ticket" -> new Work.NewTicket(session, rs.getString("request"));
            case "follow_up" -> new Work.FollowUp(session, rs.getString("note_id"), rs.getString("note_text"),
                    rs.getString("request"));
            case "approval_decided" -> new Work.ApprovalDecided(session, Columns.uuid(rs, "approval_id"));
            default -> throw new IllegalStateException("unknown work kind " + rs.getString("kind"));
        };
        return new WorkItem(Columns.uuid(rs, "id"), new MspId(Columns.uuid(rs, "msp_id")),
                new ClientId(Columns.uuid(rs, "client_id")), rs.getString("key"), work,
                Columns.instant(rs, "created_at"));
    }
}
