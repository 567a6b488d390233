package dev.steward.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.client.DeleteClientCommand;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.DeletionNotConfirmed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The main flow told as one story, in memory: a technician of Northwind IT adds Acme Corp, watches its agent come up
 * on its own, fumbles the delete confirmation, then deletes it for real.
 */
class ClientLifecycleScenarioTest {

    private final InMemoryCore steward = new InMemoryCore();

    @AfterEach
    void stopAgents() {
        steward.close();
    }

    @Test
    void aClientIsCreatedProvisionedAndDeleted() {
        Msp northwind = steward.anMsp();

        // The technician creates the client: it shows at once, as creating.
        ClientDetails acme = steward.createClient.create(new CreateClientCommand(northwind.id(), "Acme Corp", "acme"));
        assertThat(acme.client().status()).isEqualTo(AgentStatus.CREATING);
        assertThat(acme.client().deployStatus()).isEqualTo(DeployStatus.DEPLOYING);

        // Nobody presses anything: the background reconciler provisions the agent.
        steward.clock.advance(Duration.ofMillis(200));
        steward.reconciler.reconcileDue();
        Client provisioned = current(northwind);
        assertThat(provisioned.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(provisioned.deployStatus()).isEqualTo(DeployStatus.IDLE);
        assertThat(agentRunning(provisioned)).isTrue();
        assertThat(statuses(northwind)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING,
                AgentStatus.ACTIVE);

        // The technician types the name in lower case when confirming the delete: refused, nothing changes.
        assertThatThrownBy(() -> delete(northwind, "acme corp")).isInstanceOf(DeletionNotConfirmed.class);
        assertThat(current(northwind)).isEqualTo(provisioned);
        assertThat(agentRunning(provisioned)).isTrue();

        // Typed exactly, the delete goes through: destroyed, and the agent is gone.
        steward.clock.advance(Duration.ofMinutes(5));
        ClientDetails deleted = delete(northwind, "Acme Corp");
        assertThat(deleted.client().status()).isEqualTo(AgentStatus.DESTROYED);
        assertThat(agentRunning(provisioned)).isFalse();
        assertThat(steward.clients.history(provisioned.id()).getLast())
                .satisfies(change -> {
                    assertThat(change.from()).contains(AgentStatus.ACTIVE);
                    assertThat(change.at()).isEqualTo(steward.clock.instant());
                    assertThat(change.reason()).isEqualTo("deleted by the MSP");
                });

        // Later passes leave it destroyed, and its slug stays taken so the audit history stays unambiguous.
        steward.reconciler.reconcileAll();
        steward.reconciler.reconcileDue();
        assertThat(current(northwind).status()).isEqualTo(AgentStatus.DESTROYED);
        assertThat(agentRunning(provisioned)).isFalse();
        assertThatThrownBy(() -> steward.createClient.create(
                new CreateClientCommand(northwind.id(), "Acme Corp", "acme"))).isInstanceOf(Conflict.class);
        assertThat(statuses(northwind)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING,
                AgentStatus.ACTIVE, AgentStatus.DESTROYED);
    }

    private Client current(Msp msp) {
        return steward.details(msp, "acme").client();
    }

    private ClientDetails delete(Msp msp, String typedName) {
        return steward.deleteClient.delete(new DeleteClientCommand(msp.id(), "acme", typedName, Optional.empty()));
    }

    private boolean agentRunning(Client client) {
        return steward.runtime.observe().stream().anyMatch(a -> a.client().equals(client.id()));
    }

    private List<AgentStatus> statuses(Msp msp) {
        return steward.statusHistory.history(msp.id(), "acme").stream().map(StatusChange::to).toList();
    }
}
