package dev.steward.application.integration;

import static dev.steward.application.integration.IntegrationWorld.psa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.inmemory.InMemoryIntegrationCatalog;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.InvalidValue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectIntegrationsServiceTest {

    private final IntegrationWorld world = new IntegrationWorld();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void makesEveryStoredIntegrationLiveAgainWithItsStoredValuesAfterARestart() {
        Msp msp = world.core.anMsp();
        world.core.anActiveClient(msp, "Acme", "acme");
        Integration psa = world.connect.connect(psa(msp.id(), "https://cw.example")).integration();
        Integration docs = world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.of("acme"), "hudu",
                Map.of("baseUrl", "https://docs.example"), Map.of("apiKey", "k-1"))).integration();
        // a restart: the stores keep everything, the adapters start with nothing live
        InMemoryIntegrationCatalog fresh = new InMemoryIntegrationCatalog().offer(IntegrationWorld.PSA)
                .offer(IntegrationWorld.DOCS);
        ReconnectIntegrationsService reconnect = new ReconnectIntegrationsService(
                new IntegrationKinds(Set.of(fresh)), world.integrations, world.vault, world.core.msps,
                world.core.clients);

        assertThat(reconnect.reconnectAll()).isEqualTo(2);

        assertThat(fresh.live()).containsOnlyKeys(psa.id(), docs.id());
        assertThat(fresh.live().get(psa.id())).isEqualTo(world.vault.reveal(msp.id(), psa.id()).orElseThrow());
    }

    @Test
    void oneTheAdapterRefusesStaysStoredAndDoesNotStopTheOthers() {
        Msp msp = world.core.anMsp();
        Msp other = world.core.anMsp();
        Integration refused = world.connect.connect(psa(msp.id(), "https://cw.example")).integration();
        Integration fine = world.connect.connect(new ConnectIntegrationCommand(other.id(), Optional.empty(),
                "connectwise", Map.of("apiBase", "https://cw.example", "companyId", "contoso"),
                Map.of("privateKey", "pk"))).integration();
        // northwind's key was revoked in ConnectWise while the server was down
        InMemoryIntegrationCatalog fresh = new InMemoryIntegrationCatalog().offer(IntegrationWorld.PSA, values -> {
            if (values.settings().get("companyId").equals("northwind")) {
                throw InvalidValue.of("secrets.privateKey", "rejected", "was rejected by ConnectWise");
            }
        });
        ReconnectIntegrationsService reconnect = new ReconnectIntegrationsService(
                new IntegrationKinds(Set.of(fresh)), world.integrations, world.vault, world.core.msps,
                world.core.clients);

        assertThat(reconnect.reconnectAll()).isEqualTo(1);

        assertThat(fresh.live()).containsOnlyKeys(fine.id());
        assertThat(world.list.list(msp.id(), Optional.empty())).extracting(d -> d.integration().id())
                .containsExactly(refused.id());
    }
}
