package dev.steward.application.port.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.port.runtime.InstanceId;
import dev.steward.application.port.runtime.InstanceRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every {@link InstanceRegistry} must pass this. Liveness runs on the store's own clock, so the kit waits (briefly)
 * rather than moving a clock.
 */
public abstract class InstanceRegistryContract {

    private static final Duration LONG = Duration.ofMinutes(5);

    protected abstract InstanceRegistry registry();

    @Test
    void anInstanceIsLiveOnceItHasSentAHeartbeat() {
        InstanceId instance = InstanceId.random();
        assertThat(registry().live(LONG)).doesNotContain(instance);
        registry().heartbeat(instance, "host-a");
        assertThat(registry().live(LONG)).contains(instance);
    }

    @Test
    void anInstanceNotHeardFromWithinTheWindowIsNotLive() {
        InstanceId instance = InstanceId.random();
        registry().heartbeat(instance, "host-a");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !registry().live(Duration.ofMillis(200)).contains(instance));
        registry().heartbeat(instance, "host-a");
        assertThat(registry().live(Duration.ofSeconds(30))).as("a later heartbeat makes it live again").contains(instance);
    }

    @Test
    void anInstanceThatLeftIsNotLiveAtOnce() {
        InstanceId leaving = InstanceId.random();
        InstanceId staying = InstanceId.random();
        registry().heartbeat(leaving, "host-a");
        registry().heartbeat(staying, "host-b");
        registry().leave(leaving);
        assertThat(registry().live(LONG)).doesNotContain(leaving).contains(staying);
    }

    @Test
    void purgeForgetsOnlyInstancesSilentForLongerThanAsked() {
        InstanceId old = InstanceId.random();
        registry().heartbeat(old, "host-a");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !registry().live(Duration.ofMillis(200)).contains(old));
        InstanceId fresh = InstanceId.random();
        registry().heartbeat(fresh, "host-b");

        assertThat(registry().purge(Duration.ofMillis(200))).isPositive();
        assertThat(registry().live(LONG)).contains(fresh).doesNotContain(old);
    }
}
