package dev.steward.application.port.store;

import dev.steward.application.stability.Experimental;
/**
 * One lock for the whole installation (every instance sharing the store), for rare set-up work that must not run
 * twice at once, such as creating the first MSP and admin. ({@code InstallationLockContract}.)
 */
@Experimental
public interface InstallationLock {

    /**
     * Takes the lock for the current unit of work, waiting while another holds it; it is released when the unit of
     * work ends (committed or rolled back). Taking it again in the same unit of work does nothing.
     *
     * @throws IllegalStateException outside a unit of work
     */
    void holdUntilTheWorkEnds();
}
