package dev.steward.adapter.persistence;

import static dev.steward.adapter.persistence.Columns.ts;

import dev.steward.application.port.client.MspRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.msp.MspName;
import dev.steward.domain.prompt.PromptText;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** MSPs in PostgreSQL; updates are optimistic on the {@code version} column. */
public final class JdbiMspRepository implements MspRepository {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiMspRepository(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public Msp add(Msp msp) {
        return db.withHandle(h -> {
            int inserted = h.createUpdate("""
                            insert into msps (id, name, default_mode, prompt, created_at, version, suspended_at)
                            values (:id, :name, :defaultMode, :prompt, :createdAt, 1, :suspendedAt)
                            on conflict do nothing""")
                    .bind("id", msp.id().value())
                    .bind("name", msp.name().value())
                    .bind("defaultMode", msp.defaultMode().label())
                    .bind("prompt", msp.prompt().value())
                    .bind("createdAt", ts(msp.createdAt()))
                    .bind("suspendedAt", msp.suspendedAt().map(Columns::ts).orElse(null))
                    .execute();
            if (inserted == 0) {
                throw Conflict.of("msp.exists", "an MSP with id " + msp.id() + " already exists");
            }
            return msp.atVersion(1);
        });
    }

    @Override
    public Optional<Msp> find(MspId id) {
        return db.read(h -> find(h, id));
    }

    private static Optional<Msp> find(Handle h, MspId id) {
        return h.createQuery("select * from msps where id = :id").bind("id", id.value())
                .map(JdbiMspRepository::map).findOne();
    }

    @Override
    public List<Msp> list() {
        return db.read(h -> h.createQuery("select * from msps order by created_at, id")
                .map(JdbiMspRepository::map).list());
    }

    @Override
    public Msp update(Msp msp) {
        return db.withHandle(h -> {
            int updated = h.createUpdate("""
                            update msps set name = :name, default_mode = :defaultMode, prompt = :prompt,
                                   suspended_at = :suspendedAt, version = version + 1
                            where id = :id and version = :version""")
                    .bind("id", msp.id().value())
                    .bind("name", msp.name().value())
                    .bind("defaultMode", msp.defaultMode().label())
                    .bind("prompt", msp.prompt().value())
                    .bind("suspendedAt", msp.suspendedAt().map(Columns::ts).orElse(null))
                    .bind("version", msp.version())
                    .execute();
            if (updated == 0) {
                Msp stored = find(h, msp.id()).orElseThrow(() -> new NotFound("msp", msp.id().toString()));
                throw Conflict.staleVersion("MSP settings", msp.version(), stored.version());
            }
            return msp.atVersion(msp.version() + 1);
        });
    }

    private static Msp map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Msp(new MspId(Columns.uuid(rs, "id")), new MspName(rs.getString("name")),
                EffectiveMode.valueOf(rs.getString("default_mode").toUpperCase(Locale.ROOT)),
                new PromptText(rs.getString("prompt")), Columns.instant(rs, "created_at"), rs.getLong("version"),
                Columns.optionalInstant(rs, "suspended_at"));
    }
}
