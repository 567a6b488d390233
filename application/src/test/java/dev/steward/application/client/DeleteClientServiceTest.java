package dev.steward.application.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.DeletionNotConfirmed;
import dev.steward.domain.problem.IllegalTransition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeleteClientServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    private ClientDetails delete(String slug, String typedName) {
        return core.deleteClient.delete(new DeleteClientCommand(msp.id(), slug, typedName, Optional.empty()));
    }

    private boolean agentRuns(Client client) {
        return core.runtime.observe().stream().anyMatch(a -> a.client().equals(client.id()));
    }

    @Test
    void theWrongNameIsRefusedAndNothingChanges() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
        String token = core.agentCredentials.exchange(core.agentCredentials.issue(acme.id())).orElseThrow();

        for (String typed : List.of("acme corp", "ACME CORP", "Acme Corp ", "Acme", "")) {
            assertThatThrownBy(() -> delete("acme", typed)).as("typed '%s'", typed)
                    .isInstanceOf(DeletionNotConfirmed.class)
                    .hasMessageContaining("typed exactly");
        }

        assertThat(core.stored(acme)).isEqualTo(acme);
        assertThat(core.clients.history(acme.id())).hasSize(3);
        assertThat(agentRuns(acme)).isTrue();
        assertThat(core.agentCredentials.verify(token)).contains(acme.id());
    }

    @Test
    void theRightNameDestroysTheClientRemovesItsAgentAndRevokesItsToken() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
        String token = core.agentCredentials.exchange(core.agentCredentials.issue(acme.id())).orElseThrow();

        ClientDetails deleted = delete("acme", "Acme Corp");

        assertThat(deleted.client().status()).isEqualTo(AgentStatus.DESTROYED);
        assertThat(core.stored(acme).status()).isEqualTo(AgentStatus.DESTROYED);
        assertThat(core.clients.history(acme.id()).getLast().reason()).isEqualTo("deleted by the MSP");
        assertThat(agentRuns(acme)).isFalse();
        assertThat(core.agentCredentials.verify(token)).isEmpty();
    }

    @Test
    void aSecondDeleteIsRefused() {
        core.anActiveClient(msp, "Acme Corp", "acme");
        delete("acme", "Acme Corp");

        assertThatThrownBy(() -> delete("acme", "Acme Corp"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("an agent cannot move from destroyed to destroyed");
    }

    @Test
    void aClientStillBeingCreatedCanBeDeleted() {
        Client acme = core.aClient(msp, "Acme Corp", "acme");

        delete("acme", "Acme Corp");
        core.reconciler.reconcileDue();
        core.reconciler.reconcileAll();

        assertThat(core.stored(acme).status()).isEqualTo(AgentStatus.DESTROYED);
        assertThat(agentRuns(acme)).isFalse();
    }

    @Test
    void revokesTheCredentialsOfTheClientsOwnIntegrationsAndLeavesTheMspWideOnes() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
        Integration own = core.integrations.add(Integration.connect(new IntegrationId(core.ids.next()), msp.id(),
                Optional.of(acme.id()), "hudu", SampleKinds.DOCS.tools(), Map.of(), core.clock.instant()));
        Integration mspWide = core.integrations.add(Integration.connect(new IntegrationId(core.ids.next()), msp.id(),
                Optional.empty(), "connectwise", SampleKinds.PSA.tools(), Map.of(), core.clock.instant()));
        IntegrationSettings values = new IntegrationSettings(Map.of("baseUrl", "https://docs.example"),
                Map.of("apiKey", "hudu-key-0123456789"));
        core.vault.store(msp.id(), own.id(), values);
        core.vault.store(msp.id(), mspWide.id(), values);
        core.live.register(own, core.live.open(own, values));
        ClientMapping tenant = core.mappings.save(new ClientMapping(msp.id(), acme.id(), "m365", "tenant-a", "Acme"));

        delete("acme", "Acme Corp");

        assertThat(core.vault.reveal(msp.id(), own.id())).isEmpty();
        assertThat(core.integrations.find(msp.id(), own.id())).isEmpty();
        assertThat(core.live.connection(own.id())).isEmpty();
        assertThat(core.docsProvider.connected()).doesNotContainKey(own.id());
        assertThat(core.mappings.findByExternalId(msp.id(), "m365", tenant.externalId()))
                .as("its tenant is free for another client").isEmpty();
        assertThat(core.vault.reveal(msp.id(), mspWide.id())).contains(values);
        assertThat(core.integrations.find(msp.id(), mspWide.id())).isPresent();
    }

    @Test
    void aClientTheReconcilerProvisionsMeanwhileIsStillDeleted() {
        Client acme = core.aClient(msp, "Acme Corp", "acme");
        DeleteClientService racing = new DeleteClientService(core.validator, core.clientsRacedByTheReconciler(),
                core.msps, core.runtime, core.agentCredentials, core.integrations, core.vault, core.live,
                core.mappings, core.clock, core.unitOfWork);

        ClientDetails deleted = racing.delete(new DeleteClientCommand(msp.id(), "acme", "Acme Corp", Optional.empty()));

        assertThat(deleted.client().status()).isEqualTo(AgentStatus.DESTROYED);
        assertThat(deleted.client().lastChange().from()).as("the reconciler had made it active").contains(AgentStatus.ACTIVE);
        assertThat(agentRuns(acme)).isFalse();
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndNothingChanges() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");

        assertThatThrownBy(() -> core.deleteClient.delete(new DeleteClientCommand(msp.id(), "acme", "Acme Corp",
                Optional.of(acme.version() - 1))))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("version.stale"));
        assertThat(core.stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);

        ClientDetails deleted = core.deleteClient.delete(new DeleteClientCommand(msp.id(), "acme", "Acme Corp",
                Optional.of(acme.version())));
        assertThat(deleted.client().status()).isEqualTo(AgentStatus.DESTROYED);
    }

    @Test
    void aMissingConfirmationIsAnInvalidCommandNamingTheField() {
        core.aClient(msp, "Acme Corp", "acme");

        assertThatThrownBy(() -> delete("acme", null))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("confirmName"));
    }

    @Test
    void anotherMspsClientIsNotFound() {
        Msp other = core.anMsp();
        Client theirs = core.aClient(other, "Acme Corp", "acme");

        assertThatThrownBy(() -> delete("acme", "Acme Corp")).isInstanceOf(NotFound.class);
        assertThat(core.stored(theirs).status()).isEqualTo(AgentStatus.CREATING);
    }

    @Test
    void anUnreachableRuntimeDoesNotUndoTheDeleteAndTheReconcilerRemovesTheAgentLater() {
        try (InMemoryCore withFlakyRuntime = new InMemoryCore(FlakyDestroyRuntime::new)) {
            FlakyDestroyRuntime flaky = (FlakyDestroyRuntime) withFlakyRuntime.runtime;
            Msp tenant = withFlakyRuntime.anMsp();
            Client acme = withFlakyRuntime.anActiveClient(tenant, "Acme Corp", "acme");

            flaky.failDestroy = true;
            ClientDetails deleted = withFlakyRuntime.deleteClient.delete(
                    new DeleteClientCommand(tenant.id(), "acme", "Acme Corp", Optional.empty()));
            assertThat(deleted.client().status()).isEqualTo(AgentStatus.DESTROYED);
            assertThat(flaky.observe()).extracting(ObservedAgent::client).contains(acme.id());

            flaky.failDestroy = false;
            withFlakyRuntime.reconciler.reconcileAll();

            assertThat(flaky.observe()).isEmpty();
        }
    }

    /** The in-process runtime, except that destroy fails as an unreachable engine would while told to. */
    private static final class FlakyDestroyRuntime implements AgentRuntime {
        private final AgentRuntime delegate;
        volatile boolean failDestroy;

        FlakyDestroyRuntime(AgentRuntime delegate) {
            this.delegate = delegate;
        }

        @Override
        public ObservedAgent ensure(AgentSpec spec) {
            return delegate.ensure(spec);
        }

        @Override
        public List<ObservedAgent> observe() {
            return delegate.observe();
        }

        @Override
        public void destroy(ClientId client) {
            if (failDestroy) {
                throw PortFailure.retryable("agent-runtime", "engine unreachable", null);
            }
            delegate.destroy(client);
        }

        @Override
        public Diagnostics diagnose(ClientId client, int tailLines, Optional<Instant> since) {
            return delegate.diagnose(client, tailLines, since);
        }
    }
}
