package dev.steward.application.provider;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.port.agent.ToolExecutor;
import dev.steward.application.port.agent.ToolExecutorContract;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.PsaWebhooksContract;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.psa.TicketSystemsContract;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.verification.IdentityPushes;
import dev.steward.application.port.verification.IdentityPushesContract;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.verification.IdentityVerification.Result;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LiveIntegrationsTest {

    private final InMemoryIntegrationProvider psa = SampleKinds.psa()
            .withTicketSystem(new InMemoryTicketSystem("connectwise", Clock.systemUTC()));
    private final InMemoryIntegrationProvider docs = SampleKinds.docs();
    private final LiveIntegrations live = new LiveIntegrations(IntegrationKinds.of(psa, docs),
            ProviderContext.defaults(Clock.systemUTC()));

    private static final IntegrationSettings PSA_VALUES = new IntegrationSettings(
            Map.of("apiBase", "https://cw.example/", "companyId", "acme"),
            Map.of("privateKey", "k", "webhookSecret", "s3cr3t"));
    private static final IntegrationSettings DOCS_VALUES = new IntegrationSettings(
            Map.of("baseUrl", "https://docs.example/"), Map.of("apiKey", "k"));

    private static Integration integration(MspId msp, Optional<ClientId> client, IntegrationKind kind) {
        return Integration.connect(new IntegrationId(UUID.randomUUID()), msp, client, kind.name(), kind.tools(),
                kind.curatedDefaults(), T0);
    }

    private Integration connected(MspId msp, Optional<ClientId> client, IntegrationKind kind,
                                  IntegrationSettings values) {
        Integration integration = integration(msp, client, kind);
        live.register(integration, live.open(integration, values));
        return integration;
    }

    private static ToolCall call(MspId msp, ClientId client, String tool, Map<String, String> arguments) {
        return new ToolCall(msp, client, Optional.empty(), UUID.randomUUID(), "dana@contoso.example",
                ToolName.of(tool), arguments);
    }

    @Test
    void runsAToolOnlyOnTheCallersOwnIntegrations() {
        MspId msp = Fixtures.uniqueMspId();
        ClientId client = new ClientId(UUID.randomUUID());
        ClientId other = new ClientId(UUID.randomUUID());
        connected(msp, Optional.of(client), SampleKinds.DOCS, DOCS_VALUES);
        connected(msp, Optional.empty(), SampleKinds.PSA, PSA_VALUES);

        assertThat(live.execute(call(msp, client, "hudu:search-articles", Map.of("query", "vpn"))).summary())
                .isEqualTo("hudu:search-articles ran");
        assertThat(live.execute(call(msp, other, "connectwise:get-ticket", Map.of("ticket", "1"))).summary())
                .as("an MSP-wide integration serves every client").isEqualTo("connectwise:get-ticket ran");
        assertThatThrownBy(() -> live.execute(call(msp, other, "hudu:search-articles", Map.of())))
                .as("another client's own integration").isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> live.execute(call(Fixtures.uniqueMspId(), client, "connectwise:get-ticket",
                Map.of()))).as("another MSP's").isInstanceOf(NotFound.class);
        assertThat(docs.executed()).hasSize(1);
    }

    @Test
    void refusedValuesLeaveNothingLive() {
        MspId msp = Fixtures.uniqueMspId();
        Integration integration = integration(msp, Optional.empty(), SampleKinds.PSA);

        assertThatThrownBy(() -> live.open(integration, new IntegrationSettings(
                Map.of("apiBase", "http://plain.example/", "companyId", "x"), Map.of("privateKey", "k"))))
                .hasMessage("settings.apiBase must be an https URL");
        assertThat(live.connection(integration.id())).isEmpty();
        assertThat(live.connected(msp, "connectwise")).isFalse();
    }

    @Test
    void aKindNoProviderOffersIsNotFound() {
        Integration integration = Integration.connect(new IntegrationId(UUID.randomUUID()), Fixtures.uniqueMspId(),
                Optional.empty(), "nowhere", java.util.List.of(), Map.of(), T0);
        assertThatThrownBy(() -> live.open(integration, PSA_VALUES)).isInstanceOf(NotFound.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void disconnectingClosesTheConnectionAndReplacingClosesTheOldOne() {
        MspId msp = Fixtures.uniqueMspId();
        Integration integration = connected(msp, Optional.empty(), SampleKinds.PSA, PSA_VALUES);
        assertThat(psa.connected()).containsKey(integration.id());

        live.register(integration, live.open(integration, PSA_VALUES));
        assertThat(psa.connected()).as("the new connection is open").containsKey(integration.id());
        live.disconnect(integration.id());
        live.disconnect(integration.id());

        assertThat(psa.connected()).doesNotContainKey(integration.id());
        assertThat(live.connected(msp, "connectwise")).isFalse();
        assertThatThrownBy(() -> live.execute(call(msp, new ClientId(UUID.randomUUID()), "connectwise:get-ticket",
                Map.of()))).isInstanceOf(NotFound.class);
    }

    @Test
    void aClientsOwnIntegrationIsNoMspsPsa() {
        MspId msp = Fixtures.uniqueMspId();
        connected(msp, Optional.of(new ClientId(UUID.randomUUID())), SampleKinds.DOCS, DOCS_VALUES);
        assertThat(live.connected(msp, "hudu")).isFalse();
    }

    @Nested
    class AsTicketSystems extends TicketSystemsContract {

        @Override
        protected TicketSystems systems() {
            return live;
        }

        @Override
        protected MspId anMspWithAConnectedPsa() {
            MspId msp = Fixtures.uniqueMspId();
            connected(msp, Optional.empty(), SampleKinds.PSA, PSA_VALUES);
            return msp;
        }

        @Override
        protected String connectedKind() {
            return "connectwise";
        }
    }

    @Nested
    class AsPsaWebhooks extends PsaWebhooksContract {

        private final MspId msp = Fixtures.uniqueMspId();

        @Override
        protected Subject subject() {
            if (!live.connected(msp, "connectwise")) {
                connected(msp, Optional.empty(), SampleKinds.PSA, PSA_VALUES);
            }
            return new Subject(live, msp, "connectwise");
        }

        private static WebhookDelivery delivery(String secret, String ticketId) {
            return new WebhookDelivery(Map.of("x-steward-secret", secret),
                    ("{\"ticketId\":\"" + ticketId + "\"}").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        protected WebhookDelivery authenticDeliveryAbout(String ticketId) {
            return delivery("s3cr3t", ticketId);
        }

        @Override
        protected WebhookDelivery forgedDeliveryAbout(String ticketId) {
            return delivery("guess", ticketId);
        }
    }

    @Nested
    class AsToolExecutor extends ToolExecutorContract {

        @Override
        protected ToolExecutor executor() {
            return live;
        }

        @Override
        protected ToolCall aValidCall() {
            MspId msp = Fixtures.uniqueMspId();
            connected(msp, Optional.empty(), SampleKinds.PSA, PSA_VALUES);
            return call(msp, new ClientId(UUID.randomUUID()), "connectwise:get-ticket", Map.of("ticket", "1"));
        }
    }

    @Nested
    class AsIdentityPushes extends IdentityPushesContract {

        private final InMemoryIntegrationProvider duo = new InMemoryIntegrationProvider(new IntegrationKind("duo",
                "Duo", java.util.Set.of(dev.steward.domain.integration.IntegrationScope.MSP), java.util.List.of(),
                java.util.List.of(), Map.of())).withIdentityVerifier((requester, context) ->
                requester.equals(allowed()) ? Result.VERIFIED : Result.DENIED);
        private final LiveIntegrations withDuo = new LiveIntegrations(IntegrationKinds.of(duo, psa),
                ProviderContext.defaults(Clock.systemUTC()));

        @Override
        protected IdentityPushes pushes() {
            return withDuo;
        }

        @Override
        protected MspId anMspWithAVerificationIntegration() {
            MspId msp = Fixtures.uniqueMspId();
            Integration psaIntegration = integration(msp, Optional.empty(), SampleKinds.PSA);
            withDuo.register(psaIntegration, withDuo.open(psaIntegration, PSA_VALUES));
            Integration integration = integration(msp, Optional.empty(), duo.kind());
            withDuo.register(integration, withDuo.open(integration, new IntegrationSettings(Map.of(), Map.of())));
            return msp;
        }

        @Override
        protected String allowed() {
            return "dana@contoso.example";
        }
    }
}
