package dev.steward.adapter.psa;

import com.google.inject.AbstractModule;

/**
 * Guice module of the PSA adapters (ConnectWise Manage, HaloPSA, Autotask). Binds nothing yet: the
 * {@code TicketSystem} port and its adapters arrive with the "tickets in, plans out" issue. Kept so bootstrap's
 * module list already has the shape it will have.
 */
public final class PsaModule extends AbstractModule {

    @Override
    protected void configure() {
        // no bindings until the TicketSystem adapters land
    }
}
