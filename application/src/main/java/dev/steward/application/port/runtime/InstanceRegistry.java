package dev.steward.application.port.runtime;

import dev.steward.application.stability.Experimental;
import java.time.Duration;
import java.util.Set;

/**
 * The control-plane instances sharing this store, each known by its heartbeats. Liveness is judged by the store's own
 * clock (for PostgreSQL, the server's), so the instances' clocks need not agree. ({@code InstanceRegistryContract}.)
 */
@Experimental
public interface InstanceRegistry {

    /** Records that {@code instance} (on {@code host}, for operators) is alive now; registers it on the first call. */
    void heartbeat(InstanceId instance, String host);

    /** The instances whose last heartbeat is at most {@code within} old. */
    Set<InstanceId> live(Duration within);

    /** Forgets {@code instance} at once (a clean stop): it is no longer live, so others may take over its work. */
    void leave(InstanceId instance);

    /** Forgets instances not heard from for {@code olderThan}; returns how many. */
    int purge(Duration olderThan);
}
