package dev.steward.application.port.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.store.IdGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link IdGenerator} must pass this. */
public abstract class IdGeneratorContract {

    /** A generator whose clock the kit can move forward by one millisecond per call to {@link #tick()}. */
    protected abstract IdGenerator generator();

    protected abstract void tick();

    @Test
    void neverRepeatsAnId() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(generator().next())).isTrue();
        }
    }

    @Test
    void idsMadeLaterSortAfterEarlierOnes() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            made.add(generator().next());
            tick();
        }
        List<String> asText = made.stream().map(UUID::toString).toList();
        assertThat(asText).isSorted();
    }
}
