package dev.steward.adapter.psa;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.steward.adapter.psa.autotask.AutotaskTicketSystemFactory;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.adapter.psa.connectwise.ConnectWiseTicketSystemFactory;
import dev.steward.adapter.psa.halopsa.HaloPsaTicketSystemFactory;
import dev.steward.application.port.IntegrationCatalog;
import dev.steward.application.port.PsaWebhooks;
import dev.steward.application.port.TicketSystems;

/**
 * Guice module of the PSA adapters. Binds {@code Map<String, TicketSystemFactory>} keyed by integration kind
 * ({@code connectwise}, {@code halopsa}, {@code autotask}), and {@link ConnectedPsas} (singleton) as the
 * {@code TicketSystems} and {@code PsaWebhooks} ports: whoever holds an MSP's PSA settings and secrets calls
 * {@link ConnectedPsas#connect}; and {@link PsaIntegrationCatalog} into the {@code Set<IntegrationCatalog>}
 * multibinder, through which connecting a PSA integration does that. Needs a {@code java.time.Clock} from another
 * module (CoreModule binds it).
 */
public final class PsaModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, TicketSystemFactory> factories = MapBinder.newMapBinder(binder(), String.class,
                TicketSystemFactory.class);
        factories.addBinding("connectwise").to(ConnectWiseTicketSystemFactory.class);
        factories.addBinding("halopsa").to(HaloPsaTicketSystemFactory.class);
        factories.addBinding("autotask").to(AutotaskTicketSystemFactory.class);
        bind(ConnectedPsas.class).in(Singleton.class);
        bind(TicketSystems.class).to(ConnectedPsas.class);
        bind(PsaWebhooks.class).to(ConnectedPsas.class);
        Multibinder.newSetBinder(binder(), IntegrationCatalog.class).addBinding().to(PsaIntegrationCatalog.class);
    }
}
