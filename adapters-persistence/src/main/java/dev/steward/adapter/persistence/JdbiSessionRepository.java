package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.session.NoteMark;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Agent sessions in PostgreSQL; the unique source key makes {@link #addIfAbsent} atomic across instances. */
public final class JdbiSessionRepository implements SessionRepository {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiSessionRepository(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public AgentSession addIfAbsent(AgentSession session) {
        return db.withHandle(h -> {
            int inserted = h.createUpdate("""
                            insert into sessions (id, client_id, channel, external_reference, requester, mode,
                                                  config_version, state, started_at, ended_at, note_posted,
                                                  notes_seen_at, notes_seen_id)
                            values (:id, :client, :channel, :reference, :requester, :mode, :configVersion, :state,
                                    :startedAt, :endedAt, :notePosted, :notesSeenAt, :notesSeenId)
                            on conflict (client_id, channel, external_reference) do nothing""")
                    .bind("id", session.id())
                    .bind("client", session.client().value())
                    .bind("channel", session.channel().name())
                    .bind("reference", session.externalReference())
                    .bind("requester", session.requester())
                    .bind("mode", session.mode().label())
                    .bind("configVersion", session.configVersion())
                    .bind("state", session.state().name())
                    .bind("startedAt", ts(session.startedAt()))
                    .bind("endedAt", ts(session.endedAt().orElse(null)))
                    .bind("notePosted", session.notePosted())
                    .bind("notesSeenAt", ts(session.notesSeen().map(NoteMark::at).orElse(null)))
                    .bind("notesSeenId", session.notesSeen().map(NoteMark::noteId).orElse(null))
                    .execute();
            return inserted == 1 ? session
                    : find(h, session.client(), session.channel(), session.externalReference()).orElseThrow();
        });
    }

    @Override
    public Optional<AgentSession> find(UUID id) {
        return db.withHandle(h -> h.createQuery("select * from sessions where id = :id").bind("id", id)
                .map(JdbiSessionRepository::map).findOne());
    }

    @Override
    public Optional<AgentSession> find(ClientId client, AgentSession.Channel channel, String externalReference) {
        return db.withHandle(h -> find(h, client, channel, externalReference));
    }

    private static Optional<AgentSession> find(Handle h, ClientId client, AgentSession.Channel channel,
                                               String reference) {
        return h.createQuery("""
                        select * from sessions
                        where client_id = :client and channel = :channel and external_reference = :reference""")
                .bind("client", client.value())
                .bind("channel", channel.name())
                .bind("reference", reference)
                .map(JdbiSessionRepository::map).findOne();
    }

    @Override
    public Optional<AgentSession> restartFailed(UUID id, Instant at) {
        return db.withHandle(h -> h.createQuery("""
                        update sessions set state = 'RUNNING', started_at = :at, ended_at = null
                        where id = :id and state = 'FAILED' and not note_posted
                        returning *""")
                .bind("id", id)
                .bind("at", ts(at))
                .map(JdbiSessionRepository::map).findOne());
    }

    @Override
    public AgentSession update(AgentSession session) {
        // note_posted and the notes-seen mark only move forward, whatever the caller's copy says
        return db.withHandle(h -> {
            AgentSession stored = h.createQuery("select * from sessions where id = :id for update")
                    .bind("id", session.id())
                    .map(JdbiSessionRepository::map).findOne()
                    .orElseThrow(() -> new NotFound("session", session.id().toString()));
            Optional<NoteMark> seen = NoteMark.later(stored.notesSeen(), session.notesSeen());
            AgentSession merged = new AgentSession(stored.id(), stored.client(), stored.channel(),
                    stored.externalReference(), session.requester(), stored.mode(), stored.configVersion(),
                    session.state(), stored.startedAt(), session.endedAt(),
                    stored.notePosted() || session.notePosted(), seen);
            h.createUpdate("""
                            update sessions set state = :state, ended_at = :endedAt, requester = :requester,
                                                note_posted = :notePosted, notes_seen_at = :notesSeenAt,
                                                notes_seen_id = :notesSeenId
                            where id = :id""")
                    .bind("id", merged.id())
                    .bind("state", merged.state().name())
                    .bind("endedAt", ts(merged.endedAt().orElse(null)))
                    .bind("requester", merged.requester())
                    .bind("notePosted", merged.notePosted())
                    .bind("notesSeenAt", ts(seen.map(NoteMark::at).orElse(null)))
                    .bind("notesSeenId", seen.map(NoteMark::noteId).orElse(null))
                    .execute();
            return merged;
        });
    }

    private static AgentSession map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AgentSession(rs.getObject("id", UUID.class), new ClientId(rs.getObject("client_id", UUID.class)),
                AgentSession.Channel.valueOf(rs.getString("channel")), rs.getString("external_reference"),
                rs.getString("requester"), EffectiveMode.parse("mode", rs.getString("mode")),
                rs.getLong("config_version"), AgentSession.State.valueOf(rs.getString("state")),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                rs.getBoolean("note_posted"), notesSeen(Columns.instant(rs, "notes_seen_at"),
                        rs.getString("notes_seen_id")));
    }

    private static Optional<NoteMark> notesSeen(Instant at, String noteId) {
        return at == null ? Optional.empty() : Optional.of(new NoteMark(at, noteId));
    }
}
