package dev.steward.adapter.persistence;

import dev.steward.application.port.runtime.InstanceId;
import dev.steward.application.port.runtime.InstanceRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Control-plane instances in PostgreSQL; {@code now()} of the server is the one clock liveness is judged by. */
public final class JdbiInstanceRegistry implements InstanceRegistry {

    private final JdbiUnitOfWork db;

    @Inject
    public JdbiInstanceRegistry(JdbiUnitOfWork db) {
        this.db = db;
    }

    @Override
    public void heartbeat(InstanceId instance, String host) {
        db.withHandle(h -> h.createUpdate("""
                        insert into control_plane_instances (id, host) values (:id, :host)
                        on conflict (id) do update set heartbeat_at = now(), host = excluded.host""")
                .bind("id", instance.value()).bind("host", host)
                .execute());
    }

    @Override
    public Set<InstanceId> live(Duration within) {
        return db.read(h -> h.createQuery("""
                        select id from control_plane_instances
                        where heartbeat_at > now() - make_interval(secs => :within)""")
                .bind("within", seconds(within))
                .map((rs, ctx) -> new InstanceId(rs.getObject("id", UUID.class)))
                .collectIntoSet());
    }

    @Override
    public void leave(InstanceId instance) {
        db.withHandle(h -> h.createUpdate("delete from control_plane_instances where id = :id")
                .bind("id", instance.value()).execute());
    }

    @Override
    public int purge(Duration olderThan) {
        return db.withHandle(h -> h.createUpdate("""
                        delete from control_plane_instances
                        where heartbeat_at < now() - make_interval(secs => :olderThan)""")
                .bind("olderThan", seconds(olderThan)).execute());
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
