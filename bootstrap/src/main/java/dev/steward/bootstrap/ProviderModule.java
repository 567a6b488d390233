package dev.steward.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.SpiVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The integration providers found on the class path ({@code META-INF/services/dev.steward.application.spi
 * .IntegrationProvider}), first-party ones included, bound as {@code Map<String, IntegrationProvider>} by kind. Loading
 * them refuses to start Steward when two providers offer one kind (naming both classes) or a provider was built for
 * another SPI major, so a broken class path fails at startup instead of at the first connect.
 */
final class ProviderModule extends AbstractModule {

    private final Map<String, IntegrationProvider> providers;

    /** The providers the class loader of this class finds. */
    ProviderModule() {
        this(ServiceLoader.load(IntegrationProvider.class, ProviderModule.class.getClassLoader()));
    }

    /** @throws ConfigurationError on a duplicate kind or a provider of another SPI major */
    ProviderModule(Iterable<IntegrationProvider> found) {
        this.providers = checked(found);
    }

    static Map<String, IntegrationProvider> checked(Iterable<IntegrationProvider> found) {
        Map<String, IntegrationProvider> byKind = new LinkedHashMap<>();
        for (IntegrationProvider provider : found) {
            if (provider.spiMajor() != SpiVersion.MAJOR) {
                throw new ConfigurationError("integration provider " + provider.getClass().getName()
                        + " was built for SPI major " + provider.spiMajor() + "; this Steward provides "
                        + SpiVersion.MAJOR);
            }
            String kind = provider.kind().name();
            IntegrationProvider before = byKind.putIfAbsent(kind, provider);
            if (before != null) {
                throw new ConfigurationError("integration kind " + kind + " is offered twice, by "
                        + before.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one of the two jars from the class path");
            }
        }
        return Map.copyOf(byKind);
    }

    @Override
    protected void configure() {
        MapBinder<String, IntegrationProvider> binder = MapBinder.newMapBinder(binder(), String.class,
                IntegrationProvider.class);
        providers.forEach((kind, provider) -> binder.addBinding(kind).toInstance(provider));
    }
}
