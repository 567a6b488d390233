package dev.steward.adapter.persistence;

import dev.steward.application.port.runtime.AgentPlacements;
import dev.steward.application.port.runtime.InstanceId;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Agent placements in PostgreSQL. {@link #find} inside a unit of work locks the row ({@code FOR UPDATE}), so two
 * instances placing one agent decide one after the other; {@link #takeOver} runs under a transaction-scoped
 * advisory lock, so instances taking over at once split the orphans instead of moving one twice.
 */
public final class JdbiAgentPlacements implements AgentPlacements {

    private static final String COLUMNS = "client_id, msp_id, slug, instance_id, config_version, exit_code, detail";

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiAgentPlacements(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public Optional<Placement> find(ClientId client) {
        String lock = db.inTransaction() ? " for update" : "";
        return db.read(h -> h.createQuery("select " + COLUMNS + " from agent_placements where client_id = :client"
                        + lock)
                .bind("client", client.value())
                .map((rs, ctx) -> placement(rs))
                .findOne());
    }

    @Override
    public void save(Placement placement) {
        db.withHandle(h -> h.createUpdate("""
                        insert into agent_placements (client_id, msp_id, slug, instance_id, config_version, exit_code,
                                                      detail)
                        values (:client, :msp, :slug, :instance, :version, :exitCode, :detail)
                        on conflict (client_id) do update
                            set instance_id = excluded.instance_id, config_version = excluded.config_version,
                                exit_code = excluded.exit_code, detail = excluded.detail,
                                placed_at = case when agent_placements.instance_id = excluded.instance_id
                                                 then agent_placements.placed_at else now() end""")
                .bind("client", placement.client().value())
                .bind("msp", placement.msp().value())
                .bind("slug", placement.slug().value())
                .bind("instance", placement.instance().value())
                .bind("version", placement.configVersion())
                .bind("exitCode", placement.exitCode().isPresent() ? placement.exitCode().getAsInt() : null)
                .bind("detail", placement.detail())
                .execute());
    }

    @Override
    public void remove(ClientId client) {
        db.withHandle(h -> h.createUpdate("delete from agent_placements where client_id = :client")
                .bind("client", client.value()).execute());
    }

    @Override
    public List<Placement> all() {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from agent_placements order by client_id")
                .map((rs, ctx) -> placement(rs)).list());
    }

    @Override
    public List<Placement> on(InstanceId instance) {
        return db.read(h -> h.createQuery("select " + COLUMNS + " from agent_placements where instance_id = :instance"
                        + " order by client_id")
                .bind("instance", instance.value())
                .map((rs, ctx) -> placement(rs)).list());
    }

    @Override
    public List<Placement> takeOver(InstanceId newOwner, Duration liveWithin, int max) {
        // Take-overs run one at a time (a transaction-scoped advisory lock), so the UPDATE's snapshot, taken after
        // the lock, sees every move another instance just committed: SKIP LOCKED alone let two instances asking at
        // once under load move the same orphan each (seen in JdbiAgentPlacementsIT). Take-overs are rare and short.
        // The liveness test stands in the outer WHERE too, so a row re-checked after a concurrent move is left alone.
        return db.withHandle(h -> {
            h.createQuery("select pg_advisory_xact_lock(hashtext('steward:agent-placements:take-over'))")
                    .mapTo(String.class).one();
            return h.createQuery("""
                        with orphans as (
                            select client_id from agent_placements p
                            where not exists (select 1 from control_plane_instances i
                                              where i.id = p.instance_id
                                                and i.heartbeat_at > now() - make_interval(secs => :within))
                            order by client_id
                            limit :max
                            for update skip locked)
                        update agent_placements p set instance_id = :owner, placed_at = now()
                        from orphans o
                        where p.client_id = o.client_id
                          and not exists (select 1 from control_plane_instances i
                                          where i.id = p.instance_id
                                            and i.heartbeat_at > now() - make_interval(secs => :within))
                        returning p.client_id, p.msp_id, p.slug, p.instance_id, p.config_version, p.exit_code, p.detail""")
                .bind("owner", newOwner.value())
                .bind("within", JdbiInstanceRegistry.seconds(liveWithin))
                .bind("max", max)
                .map((rs, ctx) -> placement(rs))
                .list();
        });
    }

    private static Placement placement(ResultSet rs) throws SQLException {
        int code = rs.getInt("exit_code");
        OptionalInt exitCode = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(code);
        return new Placement(new ClientId(rs.getObject("client_id", UUID.class)),
                new MspId(rs.getObject("msp_id", UUID.class)), new Slug(rs.getString("slug")), new InstanceId(rs.getObject("instance_id", UUID.class)),
                rs.getLong("config_version"), exitCode, rs.getString("detail"));
    }
}
