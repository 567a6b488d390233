package dev.steward.application.integration;

import static dev.steward.application.integration.IntegrationWorld.psa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import java.util.List;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.InvalidValue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectIntegrationsServiceTest {

    private final IntegrationWorld world = new IntegrationWorld();
    private int reconnected;

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
        // a restart: the stores keep everything, the providers start with nothing live
        InMemoryIntegrationProvider freshPsa = SampleKinds.psa();
        InMemoryIntegrationProvider freshDocs = SampleKinds.docs();
        LiveIntegrations live = restarted(freshPsa, freshDocs);

        assertThat(reconnected).isEqualTo(2);
        assertThat(live.connection(psa.id())).isPresent();
        assertThat(live.connection(docs.id())).isPresent();
        assertThat(freshPsa.connected()).containsOnlyKeys(psa.id());
        assertThat(freshDocs.connected()).containsOnlyKeys(docs.id());
        assertThat(freshPsa.connected().get(psa.id())).isEqualTo(world.vault.reveal(msp.id(), psa.id()).orElseThrow());
        assertThat(live.connected(msp.id(), "connectwise")).isTrue();
    }

    @Test
    void storedToolsFollowWhatTheProviderOffersNowKeepingTheMspsPolicies() {
        Msp msp = world.core.anMsp();
        Integration psa = world.connect.connect(psa(msp.id(), "https://cw.example")).integration();
        ToolName getTicket = ToolName.of("connectwise:get-ticket");
        world.integrations.update(world.integrations.find(msp.id(), psa.id()).orElseThrow()
                .withPolicy(getTicket, ToolPolicy.DISABLED));
        // a newer release of the provider: get-ticket takes another argument, and there is a new tool
        Tool getTicketNow = SampleKinds.PSA.tools().getFirst().taking(
                ToolParameter.required("ticket", ToolParameter.Type.STRING, "Ticket id"),
                ToolParameter.optional("fields", ToolParameter.Type.STRING, "Fields to read"));
        Tool addNote = Tool.write("connectwise:add-internal-note", "Adds an internal note");
        IntegrationKind newer = new IntegrationKind("connectwise", "ConnectWise Manage", SampleKinds.PSA.scopes(),
                SampleKinds.PSA.settings(), List.of(getTicketNow, addNote), Map.of());

        restarted(new InMemoryIntegrationProvider(newer));

        Integration stored = world.integrations.find(msp.id(), psa.id()).orElseThrow();
        assertThat(stored.tools()).containsExactly(getTicketNow, addNote);
        assertThat(stored.policyOf(getTicket)).isEqualTo(ToolPolicy.DISABLED);
        assertThat(stored.policyOf(addNote.name())).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
    }

    @Test
    void oneTheProviderRefusesStaysStoredAndDoesNotStopTheOthers() {
        Msp msp = world.core.anMsp();
        Msp other = world.core.anMsp();
        Integration refused = world.connect.connect(psa(msp.id(), "https://cw.example")).integration();
        Integration fine = world.connect.connect(new ConnectIntegrationCommand(other.id(), Optional.empty(),
                "connectwise", Map.of("apiBase", "https://cw.example", "companyId", "contoso"),
                Map.of("privateKey", "pk"))).integration();
        // northwind's key was revoked in ConnectWise while the server was down
        InMemoryIntegrationProvider fresh = new InMemoryIntegrationProvider(IntegrationWorld.PSA).checking(values -> {
            if (values.settings().get("companyId").equals("northwind")) {
                throw InvalidValue.of("secrets.privateKey", "rejected", "was rejected by ConnectWise");
            }
        });
        LiveIntegrations live = restarted(fresh);

        assertThat(reconnected).isEqualTo(1);
        assertThat(fresh.connected()).containsOnlyKeys(fine.id());
        assertThat(live.connection(refused.id())).isEmpty();
        assertThat(world.list.list(msp.id(), Optional.empty())).extracting(d -> d.integration().id())
                .containsExactly(refused.id());
    }

    /** Reconnects everything stored with fresh providers, as a restarted control plane does. */
    private LiveIntegrations restarted(InMemoryIntegrationProvider... providers) {
        LiveIntegrations live = new LiveIntegrations(IntegrationKinds.of(providers),
                ProviderContext.defaults(world.core.clock));
        ReconnectIntegrationsService reconnect = new ReconnectIntegrationsService(IntegrationKinds.of(providers), live,
                world.integrations, world.vault, world.core.msps, world.core.clients, world.core.unitOfWork);
        reconnected = reconnect.reconnectAll();
        return live;
    }
}
