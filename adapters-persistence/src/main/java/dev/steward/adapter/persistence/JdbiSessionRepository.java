package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.SessionRepository;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.session.AgentSession;
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
                                                  config_version, state, started_at, ended_at)
                            values (:id, :client, :channel, :reference, :requester, :mode, :configVersion, :state,
                                    :startedAt, :endedAt)
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
                        where id = :id and state = 'FAILED'
                        returning *""")
                .bind("id", id)
                .bind("at", ts(at))
                .map(JdbiSessionRepository::map).findOne());
    }

    @Override
    public AgentSession update(AgentSession session) {
        return db.withHandle(h -> {
            int updated = h.createUpdate("""
                            update sessions set state = :state, ended_at = :endedAt, requester = :requester
                            where id = :id""")
                    .bind("id", session.id())
                    .bind("state", session.state().name())
                    .bind("endedAt", ts(session.endedAt().orElse(null)))
                    .bind("requester", session.requester())
                    .execute();
            if (updated == 0) {
                throw new NotFound("session", session.id().toString());
            }
            return session;
        });
    }

    private static AgentSession map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AgentSession(rs.getObject("id", UUID.class), new ClientId(rs.getObject("client_id", UUID.class)),
                AgentSession.Channel.valueOf(rs.getString("channel")), rs.getString("external_reference"),
                rs.getString("requester"), EffectiveMode.parse("mode", rs.getString("mode")),
                rs.getLong("config_version"), AgentSession.State.valueOf(rs.getString("state")),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }
}
