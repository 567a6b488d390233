package dev.steward.application.port.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.store.StoreHealth;
import org.junit.jupiter.api.Test;

/**
 * Every {@link StoreHealth} must pass this: a store that answers with its full schema reports no problem. (How a
 * store that does not answer, or misses a migration, is reported depends on the store: its own tests show it.)
 */
public abstract class StoreHealthContract {

    /** A health check of a store that is up and migrated. */
    protected abstract StoreHealth health();

    @Test
    void aStoreThatAnswersWithItsFullSchemaHasNoProblem() {
        assertThat(health().problem()).isEmpty();
    }

    @Test
    void askingAgainAsksAgain() {
        assertThat(health().problem()).isEmpty();
        assertThat(health().problem()).isEmpty();
    }
}
