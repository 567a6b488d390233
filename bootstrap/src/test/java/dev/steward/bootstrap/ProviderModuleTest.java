package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.steward.adapter.psa.autotask.AutotaskProvider;
import dev.steward.adapter.psa.connectwise.ConnectWiseProvider;
import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.SpiVersion;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderModuleTest {

    @Test
    void bindsEveryProviderOnTheClassPathByKindFirstPartyOnesIncluded() {
        Map<String, IntegrationProvider> bound = Guice.createInjector(new ProviderModule())
                .getInstance(Key.get(new TypeLiteral<Map<String, IntegrationProvider>>() {}));

        assertThat(bound).containsKeys("connectwise", "halopsa", "autotask");
        bound.forEach((kind, provider) -> assertThat(provider.kind().name()).isEqualTo(kind));
    }

    @Test
    void refusesToStartWhenTwoProvidersOfferOneKindNamingBoth() {
        List<IntegrationProvider> found = List.of(new ConnectWiseProvider(), new AutotaskProvider(),
                new InMemoryIntegrationProvider(SampleKinds.PSA));

        assertThatThrownBy(() -> new ProviderModule(found)).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("integration kind connectwise is offered twice")
                .hasMessageContaining(ConnectWiseProvider.class.getName())
                .hasMessageContaining(InMemoryIntegrationProvider.class.getName());
    }

    @Test
    void refusesAProviderBuiltForAnotherSpiMajor() {
        InMemoryIntegrationProvider docs = SampleKinds.docs();
        IntegrationProvider old = new IntegrationProvider() {
            @Override
            public IntegrationKind kind() {
                return docs.kind();
            }

            @Override
            public int spiMajor() {
                return SpiVersion.MAJOR - 1;
            }

            @Override
            public IntegrationConnection connect(Integration integration, IntegrationSettings values,
                                                 ProviderContext context) {
                return docs.connect(integration, values, context);
            }
        };

        assertThatThrownBy(() -> new ProviderModule(List.of(old))).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("built for SPI major " + (SpiVersion.MAJOR - 1))
                .hasMessageContaining("provides " + SpiVersion.MAJOR);
    }
}
