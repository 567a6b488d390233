package dev.steward.application.port.store;

import dev.steward.application.stability.Experimental;
import java.util.Optional;

/** Whether the store can serve requests now, for readiness probes. ({@code StoreHealthContract}.) */
@Experimental
public interface StoreHealth {

    /**
     * Asks the store now, within a few seconds at most: empty when it answers and its schema has every migration
     * this code expects; otherwise what is wrong, in words for an operator (never a secret such as a password).
     */
    Optional<String> problem();
}
