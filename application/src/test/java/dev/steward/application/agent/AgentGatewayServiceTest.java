package dev.steward.application.agent;

import dev.steward.application.provisioning.ProvisioningWakeUp;
import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryWorkflowStore;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.Msp;
import java.time.Clock;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.ClientId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The configuration an agent is given: which integration is a PSA comes from the providers' catalog, never from tool
 * names, so the client sees its own PSA's tools only and its runbooks' {@code psa:<tool>} names that PSA.
 */
class AgentGatewayServiceTest {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    private final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    private final InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository(unitOfWork);
    private final Msp msp = msps.add(Fixtures.anMsp());

    /** A PSA as its provider declares it: its connections are ticket systems. */
    private static InMemoryIntegrationProvider psa(String kind) {
        return new InMemoryIntegrationProvider(kind(kind)).withTicketSystem(new InMemoryTicketSystem(kind,
                Clock.systemUTC()));
    }

    /** A kind with a tool named like a PSA's, which is no PSA (an issue tracker, an MCP server). */
    private static InMemoryIntegrationProvider lookAlike(String kind) {
        return new InMemoryIntegrationProvider(kind(kind));
    }

    private static IntegrationKind kind(String name) {
        return new IntegrationKind(name, name, Set.of(IntegrationScope.MSP), List.of(),
                List.of(Tool.readOnly(name + ":get-ticket", "Reads a ticket")), Map.of());
    }

    private AgentGatewayService gateway(InMemoryIntegrationProvider... providers) {
        for (InMemoryIntegrationProvider provider : providers) {
            IntegrationKind kind = provider.kind();
            integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp.id(), Optional.empty(),
                    kind.name(), kind.tools(), kind.curatedDefaults(), T0));
        }
        return new AgentGatewayService(new InMemoryAgentCredentials(), new InMemoryAgentCheckIns(), clients, msps,
                integrations, new InMemoryWorkflowStore(unitOfWork), IntegrationKinds.of(providers),
                AgentConfiguration.ReasonerChoice.RUNBOOK, Clock.systemUTC(), ProvisioningWakeUp.NONE);
    }

    private AgentConfiguration configurationOf(AgentGatewayService gateway, Optional<String> mappedTo) {
        Client registered = Fixtures.aClient().inMsp(msp).active().build();
        Client client = clients.add(mappedTo.map(kind -> registered.withPsaMapping(Optional.of(
                new PsaMapping(kind, "250")))).orElse(registered));
        return gateway.configuration(new AgentIdentity(client.id(), msp.id(), client.slug()));
    }

    private static List<String> toolsOf(AgentConfiguration configuration) {
        return configuration.tools().stream().map(AgentConfiguration.ToolGrant::name).map(ToolName::value).toList();
    }

    @Test
    void aMappedClientSeesItsOwnPsaNamedAsSuchAndNotTheMspsOtherPsa() {
        AgentGatewayService gateway = gateway(psa("connectwise"), psa("autotask"), lookAlike("tracker"));

        AgentConfiguration configuration = configurationOf(gateway, Optional.of("autotask"));

        assertThat(configuration.psa()).contains("autotask");
        assertThat(toolsOf(configuration)).containsExactlyInAnyOrder("autotask:get-ticket", "tracker:get-ticket");
    }

    @Test
    void aToolNamedLikeAPsasDoesNotMakeAnIntegrationAPsa() {
        AgentGatewayService gateway = gateway(psa("halopsa"), lookAlike("tracker"));

        AgentConfiguration configuration = configurationOf(gateway, Optional.of("halopsa"));

        assertThat(configuration.psa()).contains("halopsa");
        assertThat(toolsOf(configuration)).as("the look-alike is kept: it is not another PSA")
                .contains("tracker:get-ticket");
    }

    @Test
    void aClientNotMappedToAPsaGetsNoPsasToolsAsTheToolGatewayWouldRefuseThem() {
        AgentConfiguration unmapped = configurationOf(gateway(psa("halopsa"), lookAlike("tracker")),
                Optional.empty());

        assertThat(unmapped.psa()).isEmpty();
        assertThat(toolsOf(unmapped)).containsExactly("tracker:get-ticket");
    }

    @Test
    void aClientMappedToAPsaTheMspNoLongerHasHasNone() {
        assertThat(configurationOf(gateway(psa("halopsa")), Optional.of("connectwise")).psa()).isEmpty();
    }

    @Test
    void aCheckInAProvisioningClientWaitsForWakesTheProvisioningLoopButAnIdleHeartbeatDoesNot() {
        List<ClientId> wokenFor = new ArrayList<>();
        AgentGatewayService gateway = new AgentGatewayService(new InMemoryAgentCredentials(),
                new InMemoryAgentCheckIns(), clients, msps, integrations, new InMemoryWorkflowStore(unitOfWork),
                IntegrationKinds.of(), AgentConfiguration.ReasonerChoice.RUNBOOK, Clock.systemUTC(), wokenFor::add);
        Client provisioning = clients.add(Fixtures.aClient().inMsp(msp).withSlug("acme")
                .inStatus(AgentStatus.PROVISIONING).build());
        Client active = clients.add(Fixtures.aClient().inMsp(msp).withSlug("initech").active().build());

        gateway.checkIn(new AgentIdentity(active.id(), msp.id(), active.slug()), 1);
        assertThat(wokenFor).as("an active client's heartbeat").isEmpty();

        gateway.checkIn(new AgentIdentity(provisioning.id(), msp.id(), provisioning.slug()), 1);
        assertThat(wokenFor).containsExactly(provisioning.id());
    }
}
