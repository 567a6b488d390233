package dev.steward.adapter.psa;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.steward.adapter.psa.autotask.AutotaskTicketSystemFactory;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.adapter.psa.connectwise.ConnectWiseTicketSystemFactory;
import dev.steward.adapter.psa.halopsa.HaloPsaTicketSystemFactory;

/**
 * Guice module of the PSA adapters. Binds {@code Map<String, TicketSystemFactory>} keyed by integration kind
 * ({@code connectwise}, {@code halopsa}, {@code autotask}): whoever holds an MSP's PSA settings and secrets builds
 * its {@code TicketSystem} with the factory of its kind. Needs nothing from other modules.
 */
public final class PsaModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, TicketSystemFactory> factories = MapBinder.newMapBinder(binder(), String.class,
                TicketSystemFactory.class);
        factories.addBinding("connectwise").to(ConnectWiseTicketSystemFactory.class);
        factories.addBinding("halopsa").to(HaloPsaTicketSystemFactory.class);
        factories.addBinding("autotask").to(AutotaskTicketSystemFactory.class);
    }
}
