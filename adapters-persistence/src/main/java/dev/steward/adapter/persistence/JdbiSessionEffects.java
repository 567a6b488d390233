package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.agent.SessionEffect;
import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Session effects in PostgreSQL, one row per (session, step). A begin is an {@code INSERT … ON CONFLICT DO NOTHING}
 * committed on a connection of its own ({@link JdbiUnitOfWork#apart}), so the record survives whatever the caller
 * does next; a finish joins the caller's unit of work.
 */
public final class JdbiSessionEffects implements SessionEffects {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiSessionEffects(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public Begun begin(SessionEffect effect) {
        return db.apart(h -> {
            int inserted = h.createUpdate("""
                            insert into session_effects (session_id, step, client_id, kind, fingerprint, finished,
                                                         outcome, summary, note_id, tool, reason, approval_id, at)
                            values (:session, :step, :client, :kind, :fingerprint, :finished, :outcome, :summary,
                                    :noteId, :tool, :reason, :approval, :at)
                            on conflict (session_id, step) do nothing""")
                    .bind("session", effect.session())
                    .bind("step", effect.step())
                    .bind("client", effect.client().value())
                    .bind("kind", effect.kind().name().toLowerCase(Locale.ROOT))
                    .bind("fingerprint", effect.fingerprint())
                    .bind("finished", effect.finished())
                    .bind("outcome", effect.outcome().label())
                    .bind("summary", effect.summary())
                    .bind("noteId", effect.noteId().orElse(null))
                    .bind("tool", effect.tool().map(ToolName::value).orElse(null))
                    .bind("reason", effect.reason())
                    .bind("approval", effect.approval().orElse(null))
                    .bind("at", ts(effect.at()))
                    .execute();
            return inserted == 1 ? new Begun.Fresh(effect)
                    : new Begun.Existing(find(h, effect.session(), effect.step()));
        });
    }

    @Override
    public SessionEffect finish(SessionEffect effect) {
        return db.withHandle(h -> {
            int updated = h.createUpdate("""
                            update session_effects
                            set finished = :finished, outcome = :outcome, summary = :summary, note_id = :noteId,
                                approval_id = :approval
                            where session_id = :session and step = :step""")
                    .bind("finished", effect.finished())
                    .bind("outcome", effect.outcome().label())
                    .bind("summary", effect.summary())
                    .bind("noteId", effect.noteId().orElse(null))
                    .bind("approval", effect.approval().orElse(null))
                    .bind("session", effect.session())
                    .bind("step", effect.step())
                    .execute();
            if (updated == 0) {
                throw new NotFound("session step", effect.session() + " " + effect.step());
            }
            return find(h, effect.session(), effect.step());
        });
    }

    @Override
    public List<SessionEffect> of(UUID session) {
        return db.read(h -> h.createQuery("select * from session_effects where session_id = :session order by seq")
                .bind("session", session)
                .map(JdbiSessionEffects::map).list());
    }

    @Override
    public boolean wroteNote(ClientId client, String noteId) {
        return db.read(h -> h.createQuery("""
                        select exists (select 1 from session_effects where client_id = :client and note_id = :noteId)""")
                .bind("client", client.value())
                .bind("noteId", noteId)
                .mapTo(Boolean.class).one());
    }

    private static SessionEffect find(Handle h, UUID session, String step) {
        return h.createQuery("select * from session_effects where session_id = :session and step = :step")
                .bind("session", session)
                .bind("step", step)
                .map(JdbiSessionEffects::map).one();
    }

    private static SessionEffect map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SessionEffect(Columns.uuid(rs, "session_id"), new ClientId(Columns.uuid(rs, "client_id")),
                rs.getString("step"), SessionEffect.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("fingerprint"), rs.getBoolean("finished"),
                ActivityOutcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)), rs.getString("summary"),
                Columns.optionalText(rs, "note_id"), Columns.optionalText(rs, "tool").map(ToolName::of),
                rs.getString("reason"), java.util.Optional.ofNullable(Columns.uuid(rs, "approval_id")),
                Columns.instant(rs, "at"));
    }
}
