package dev.steward.application.integration;

import static dev.steward.application.integration.IntegrationWorld.KEY;
import static dev.steward.application.integration.IntegrationWorld.psa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.MaskedSecret;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.InvalidValue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectIntegrationServiceTest {

    private final IntegrationWorld world = new IntegrationWorld();
    private final Msp msp = world.core.anMsp();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void connectsAnMspWidePsaWithItsCatalogToolsSeededPoliciesAndMaskedSecretsAndMakesItLive() {
        IntegrationDetails details = world.connect.connect(psa(msp.id(), "https://cw.example/apis/3.0/"));

        assertThat(details.client()).isEmpty();
        assertThat(details.label()).isEqualTo("ConnectWise Manage");
        assertThat(details.integration().policyOf(ToolName.of("connectwise:get-ticket"))).isEqualTo(ToolPolicy.AUTO);
        assertThat(details.integration().policyOf(ToolName.of("connectwise:update-status")))
                .isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(details.values().settings()).containsEntry("companyId", "northwind");
        assertThat(details.values().secrets()).containsEntry("privateKey", new MaskedSecret(Optional.of("WXYZ")));
        assertThat(details.toString()).doesNotContain(KEY);
        assertThat(psa(msp.id(), "https://cw.example").toString()).doesNotContain(KEY).contains("privateKey");
        assertThat(world.connected()).containsKey(details.integration().id());
        assertThat(world.live.connection(details.integration().id())).isPresent();
        assertThat(world.live.connected(msp.id(), "connectwise")).isTrue();
        assertThat(world.vault.reveal(msp.id(), details.integration().id()).orElseThrow().secrets())
                .containsEntry("privateKey", KEY);
    }

    @Test
    void connectsAClientsOwnIntegrationWithCuratedPoliciesAndReconfiguresThatClientsAgentOnly() {
        Client acme = world.core.anActiveClient(msp, "Acme", "acme");
        Client other = world.core.anActiveClient(msp, "Other", "other");

        IntegrationDetails details = world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.of("acme"),
                "hudu", Map.of("baseUrl", "https://docs.example"), Map.of("apiKey", "k")));

        assertThat(details.client()).contains(acme.slug());
        assertThat(details.integration().policyOf(ToolName.of("hudu:archive-article"))).isEqualTo(ToolPolicy.DISABLED);
        assertThat(world.core.stored(acme).deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
        assertThat(world.core.stored(acme).configVersion()).isEqualTo(acme.configVersion() + 1);
        assertThat(world.core.stored(other)).isEqualTo(other);
    }

    @Test
    void namesEveryBadFieldAtOnceAndKeepsNothing() {
        assertThatThrownBy(() -> world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.empty(),
                "connectwise", Map.of("companyId", "", "colour", "red"), Map.of("apiBase", "x"))))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("settings.apiBase",
                                "settings.companyId", "secrets.privateKey", "settings.colour", "secrets.apiBase"));
        assertThat(world.list.list(msp.id(), Optional.empty())).isEmpty();
    }

    @Test
    void refusesAKindNotOfferedInTheScopeNamingTheKnownOnes() {
        world.core.aClient(msp, "Acme", "acme");

        assertThatThrownBy(() -> world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.of("acme"),
                "connectwise", Map.of(), Map.of())))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("kind");
                            assertThat(v.message()).contains("[hudu]");
                        }));
    }

    @Test
    void aValueTheProviderRefusesKeepsNothing() {
        Client acme = world.core.anActiveClient(msp, "Acme", "acme");

        assertThatThrownBy(() -> world.connect.connect(psa(msp.id(), "ftp://cw.example")))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("settings.apiBase"));

        assertThat(world.list.list(msp.id(), Optional.empty())).isEmpty();
        assertThat(world.connected()).isEmpty();
        assertThat(world.core.stored(acme)).as("no agent reconfigured").isEqualTo(acme);
    }

    @Test
    void aSecondOfTheSameKindInOneScopeIsAConflictAndAnUnknownClientIsNotFound() {
        world.connect.connect(psa(msp.id(), "https://cw.example"));

        assertThatThrownBy(() -> world.connect.connect(psa(msp.id(), "https://cw2.example")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("integration.exists"));
        assertThatThrownBy(() -> world.connect.connect(new ConnectIntegrationCommand(msp.id(), Optional.of("nobody"),
                "hudu", Map.of("baseUrl", "https://docs.example"), Map.of("apiKey", "k"))))
                .isInstanceOf(NotFound.class);
        assertThat(world.connected()).hasSize(1);
    }

    @Test
    void whatConnectingRegisteredIsStoredShownAndRemovedOnDisconnect() {
        world.psaProvider.registeringWebhooks();

        IntegrationDetails details = world.connect.connect(psa(msp.id(), "https://cw.example/apis/3.0/"));

        String hook = world.vault.reveal(msp.id(), details.integration().id()).orElseThrow().settings()
                .get("webhookId");
        assertThat(world.psaProvider.registeredWebhooks()).containsExactly(hook);
        assertThat(world.vault.reveal(msp.id(), details.integration().id()).orElseThrow().secrets())
                .containsKey("webhookSecret").containsEntry("privateKey", KEY);
        assertThat(details.webhook()).get().extracting(dev.steward.application.spi.InboundWebhook::setup)
                .isEqualTo(dev.steward.application.spi.InboundWebhook.Setup.REGISTERED);
        assertThat(details.lastWebhookDelivery()).isEmpty();

        world.disconnect.disconnect(msp.id(), details.integration().id().toString());

        assertThat(world.psaProvider.registeredWebhooks()).isEmpty();
    }

    @Test
    void aWebhookRegisteredForAConnectThatCouldNotBeStoredIsRemovedAgain() {
        world.psaProvider.registeringWebhooks().checking(values -> world.integrations.add(
                dev.steward.domain.integration.Integration.connect(new dev.steward.domain.integration.IntegrationId(
                        java.util.UUID.randomUUID()), msp.id(), Optional.empty(), "connectwise", java.util.List.of(),
                        java.util.Map.of(), world.core.clock.instant())));

        assertThatThrownBy(() -> world.connect.connect(psa(msp.id(), "https://cw.example/apis/3.0/")))
                .as("another connect of the kind won the race").isInstanceOf(Conflict.class);

        assertThat(world.psaProvider.registeredWebhooks()).as("nothing half-saved at the PSA either").isEmpty();
        assertThat(world.connected()).isEmpty();
    }
}
