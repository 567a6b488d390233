package dev.steward.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.agent.Reconciliation;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DeletionNotConfirmed;
import dev.steward.domain.problem.IllegalTransition;
import dev.steward.domain.prompt.PromptText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static Client registered() {
        return Client.register(new ClientId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                new ClientName("Acme Corp"), Slug.of("acme-corp"), T0);
    }

    private static Client active() {
        return registered().movedTo(AgentStatus.PROVISIONING, "provisioning started", T0)
                .movedTo(AgentStatus.ACTIVE, "agent runs configuration v1", T0)
                .withDeployStatus(DeployStatus.IDLE);
    }

    @Nested
    class WhenRegistered {

        @Test
        void startsCreatingInModeInheritWithItsRegistrationRecorded() {
            Client client = registered();

            assertThat(client.status()).isEqualTo(AgentStatus.CREATING);
            assertThat(client.mode()).isEqualTo(OperatingMode.INHERIT);
            assertThat(client.deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
            assertThat(client.configVersion()).isEqualTo(1);
            assertThat(client.version()).isZero();
            assertThat(client.retry()).isEqualTo(RetrySchedule.NONE);
            assertThat(client.prompt()).isEqualTo(PromptText.EMPTY);
            assertThat(client.psaMapping()).isEmpty();
            assertThat(client.createdAt()).isEqualTo(T0);
            assertThat(client.recentHistory())
                    .containsExactly(new StatusChange(1, Optional.empty(), AgentStatus.CREATING, T0, "client created"));
        }

        @Test
        void followsTheMspDefaultWhileInheriting() {
            Client client = registered();

            assertThat(client.effectiveMode(EffectiveMode.PLAN)).isEqualTo(EffectiveMode.PLAN);
            assertThat(client.effectiveMode(EffectiveMode.EXECUTE)).isEqualTo(EffectiveMode.EXECUTE);
        }
    }

    @Nested
    class WhenItsConfigurationChanges {

        @Test
        void aModeChangeOfAnActiveClientBumpsTheConfigVersionAndReprovisions() {
            Client before = active().withRetry(RetrySchedule.NONE.afterFailure(T0));

            Client after = before.withMode(OperatingMode.EXECUTE, T1);

            assertThat(after.mode()).isEqualTo(OperatingMode.EXECUTE);
            assertThat(after.configVersion()).isEqualTo(before.configVersion() + 1);
            assertThat(after.deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
            assertThat(after.status()).isEqualTo(AgentStatus.PROVISIONING);
            assertThat(after.retry()).isEqualTo(RetrySchedule.NONE);
            assertThat(after.lastChange().from()).contains(AgentStatus.ACTIVE);
            assertThat(after.lastChange().at()).isEqualTo(T1);
            assertThat(after.lastChange().reason()).contains("operating mode execute");
            assertThat(after.effectiveMode(EffectiveMode.PLAN)).isEqualTo(EffectiveMode.EXECUTE);
        }

        @Test
        void aPromptChangeOfAnActiveClientBumpsTheConfigVersionAndReprovisions() {
            Client before = active();

            Client after = before.withPrompt(PromptText.of("Always answer in German."), T1);

            assertThat(after.prompt().value()).isEqualTo("Always answer in German.");
            assertThat(after.configVersion()).isEqualTo(before.configVersion() + 1);
            assertThat(after.deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
            assertThat(after.status()).isEqualTo(AgentStatus.PROVISIONING);
            assertThat(after.lastChange().reason()).contains("client prompt");
        }

        @Test
        void settingTheSameModeOrPromptChangesNothing() {
            Client client = active();

            assertThat(client.withMode(OperatingMode.INHERIT, T1)).isSameAs(client);
            assertThat(client.withPrompt(PromptText.EMPTY, T1)).isSameAs(client);
        }

        @Test
        void aClientStillBeingCreatedKeepsItsStatusButGetsTheNewVersion() {
            Client before = registered();

            Client after = before.withMode(OperatingMode.PLAN, T1);

            assertThat(after.status()).isEqualTo(AgentStatus.CREATING);
            assertThat(after.configVersion()).isEqualTo(2);
            assertThat(after.recentHistory()).isEqualTo(before.recentHistory());
        }

        @Test
        void aClientInErrorStaysInErrorUntilRetried() {
            Client before = registered().movedTo(AgentStatus.ERROR, "boom", T0);

            Client after = before.withMode(OperatingMode.EXECUTE, T1);

            assertThat(after.status()).isEqualTo(AgentStatus.ERROR);
            assertThat(after.configVersion()).isEqualTo(2);
        }

        @Test
        void aDestroyedClientCannotBeReconfigured() {
            Client destroyed = active().destroyed(new DeletionConfirmation("Acme Corp"), T1);

            assertThatThrownBy(() -> destroyed.withMode(OperatingMode.EXECUTE, T1))
                    .isInstanceOf(IllegalTransition.class)
                    .hasMessageContaining("destroyed");
            assertThatThrownBy(() -> destroyed.withPrompt(PromptText.of("x"), T1))
                    .isInstanceOf(IllegalTransition.class);
        }

        @Test
        void leavesTheOriginalUntouched() {
            Client before = active();

            before.withMode(OperatingMode.EXECUTE, T1);

            assertThat(before.mode()).isEqualTo(OperatingMode.INHERIT);
            assertThat(before.status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(before.configVersion()).isEqualTo(1);
        }
    }

    @Nested
    class WhenDeleted {

        @Test
        void theExactNameDestroysItAndRecordsWhy() {
            Client destroyed = active().destroyed(new DeletionConfirmation("Acme Corp"), T1);

            assertThat(destroyed.status()).isEqualTo(AgentStatus.DESTROYED);
            assertThat(destroyed.isDestroyed()).isTrue();
            assertThat(destroyed.lastChange().from()).contains(AgentStatus.ACTIVE);
            assertThat(destroyed.lastChange().at()).isEqualTo(T1);
            assertThat(destroyed.lastChange().reason()).isEqualTo("deleted by the MSP");
            assertThat(destroyed.slug()).isEqualTo(Slug.of("acme-corp"));
        }

        @Test
        void aNameDifferingInCaseOrSpacesIsRefusedAndNothingChanges() {
            Client client = active();

            for (String typed : List.of("acme corp", "ACME CORP", "Acme Corp ", " Acme Corp", "Acme  Corp", "")) {
                assertThatThrownBy(() -> client.destroyed(new DeletionConfirmation(typed), T1))
                        .as("typed '%s'", typed)
                        .isInstanceOf(DeletionNotConfirmed.class);
            }
            assertThat(client.status()).isEqualTo(AgentStatus.ACTIVE);
        }

        @Test
        void aSecondDeleteIsRefused() {
            Client destroyed = active().destroyed(new DeletionConfirmation("Acme Corp"), T1);

            assertThatThrownBy(() -> destroyed.destroyed(new DeletionConfirmation("Acme Corp"), T1))
                    .isInstanceOf(IllegalTransition.class)
                    .hasMessage("an agent cannot move from destroyed to destroyed");
        }

        @Test
        void aClientInAnyLiveStateCanBeDeleted() {
            for (AgentStatus status : List.of(AgentStatus.CREATING, AgentStatus.PENDING, AgentStatus.ERROR)) {
                Client client = status == AgentStatus.CREATING ? registered() : registered().movedTo(status, "x", T0);
                assertThat(client.destroyed(new DeletionConfirmation("Acme Corp"), T1).status())
                        .isEqualTo(AgentStatus.DESTROYED);
            }
        }
    }

    @Nested
    class Invariants {

        @Test
        void refusesAnEmptyHistory() {
            Client c = registered();
            assertThatThrownBy(() -> new Client(c.id(), c.msp(), c.name(), c.slug(), c.mode(), c.status(),
                    c.deployStatus(), c.prompt(), c.psaMapping(), c.configVersion(), c.retry(), List.of(),
                    c.createdAt(), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("registration");
        }

        @Test
        void refusesAStatusThatDisagreesWithTheLastRecordedChange() {
            Client c = registered();
            assertThatThrownBy(() -> new Client(c.id(), c.msp(), c.name(), c.slug(), c.mode(), AgentStatus.ACTIVE,
                    c.deployStatus(), c.prompt(), c.psaMapping(), c.configVersion(), c.retry(), c.recentHistory(),
                    c.createdAt(), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("status active disagrees with the last recorded change to creating");
        }

        @Test
        void refusesAHistoryWithAGap() {
            Client c = registered();
            List<StatusChange> gap = List.of(c.lastChange(),
                    new StatusChange(3, Optional.of(AgentStatus.CREATING), AgentStatus.PROVISIONING, T1, "x"));
            assertThatThrownBy(() -> new Client(c.id(), c.msp(), c.name(), c.slug(), c.mode(),
                    AgentStatus.PROVISIONING, c.deployStatus(), c.prompt(), c.psaMapping(), c.configVersion(),
                    c.retry(), gap, c.createdAt(), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("consecutive");
        }

        @Test
        void refusesAConfigVersionBelowOneAndANegativeVersion() {
            Client c = registered();
            assertThatThrownBy(() -> new Client(c.id(), c.msp(), c.name(), c.slug(), c.mode(), c.status(),
                    c.deployStatus(), c.prompt(), c.psaMapping(), 0, c.retry(), c.recentHistory(), c.createdAt(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.atVersion(-1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void keepsOnlyTheNewestTwentyChangesInMemory() {
            Client client = registered();
            Instant at = T0;
            for (int i = 0; i < 15; i++) {
                at = at.plus(Duration.ofMinutes(1));
                client = client.movedTo(AgentStatus.PROVISIONING, "round " + i, at)
                        .movedTo(AgentStatus.PENDING, "round " + i, at);
            }

            assertThat(client.recentHistory()).hasSize(Client.RECENT_HISTORY);
            assertThat(client.lastChange().sequence()).isEqualTo(31);
            assertThat(client.recentHistory().getFirst().sequence()).isEqualTo(12);
        }

        @Test
        void copiesTheHistoryOnTheWayIn() {
            Client c = registered();
            List<StatusChange> history = new ArrayList<>(c.recentHistory());
            Client copy = new Client(c.id(), c.msp(), c.name(), c.slug(), c.mode(), c.status(), c.deployStatus(),
                    c.prompt(), c.psaMapping(), c.configVersion(), c.retry(), history, c.createdAt(), 0);

            history.add(new StatusChange(2, Optional.of(AgentStatus.CREATING), AgentStatus.ERROR, T1, "x"));

            assertThat(copy.recentHistory()).hasSize(1);
            assertThatThrownBy(() -> copy.recentHistory().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void atVersionStampsTheStoreVersionOnly() {
            Client c = active();
            Client stamped = c.atVersion(7);

            assertThat(stamped.version()).isEqualTo(7);
            assertThat(stamped.atVersion(c.version())).isEqualTo(c);
        }

        @Test
        void carriesAPsaMappingWithoutReconfiguring() {
            Client c = active();
            Client mapped = c.withPsaMapping(Optional.of(new PsaMapping("halopsa", "42")));

            assertThat(mapped.psaMapping()).contains(new PsaMapping("halopsa", "42"));
            assertThat(mapped.configVersion()).isEqualTo(c.configVersion());
        }
    }

    @Nested
    class DeployStatusFollowsTheAgent {

        @Test
        void isDeployingWhileProvisioningOrPendingAndIdleOnceActive() {
            Client provisioning = registered().movedTo(AgentStatus.PROVISIONING, "provisioning started", T0);
            assertThat(provisioning.deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
            assertThat(provisioning.movedTo(AgentStatus.PENDING, "engine away", T1).deployStatus())
                    .isEqualTo(DeployStatus.DEPLOYING);
            assertThat(provisioning.movedTo(AgentStatus.ACTIVE, "agent runs configuration v1", T1).deployStatus())
                    .isEqualTo(DeployStatus.IDLE);
        }

        @Test
        void failsWithTheReasonInErrorAndDeploysAgainWhenAnActiveAgentIsProvisionedAgain() {
            Client error = active().movedTo(AgentStatus.ERROR, "agent exited: code 137", T1);
            assertThat(error.deployStatus()).isEqualTo(new DeployStatus.Failed("agent exited: code 137"));
            assertThat(active().movedTo(AgentStatus.PROVISIONING, "agent is gone", T1).deployStatus())
                    .isEqualTo(DeployStatus.DEPLOYING);
            assertThat(error.movedTo(AgentStatus.PROVISIONING, "retrying", T1).deployStatus())
                    .isEqualTo(DeployStatus.DEPLOYING);
        }

        @Test
        void isRemovedWithADeletedClient() {
            Client deleted = active().destroyed(new DeletionConfirmation("Acme Corp"), T1);
            assertThat(deleted.deployStatus()).isEqualTo(DeployStatus.REMOVED);
            assertThat(deleted.deployStatus().label()).isEqualTo("removed");
            assertThat(DeployStatus.of("removed", null)).isEqualTo(DeployStatus.REMOVED);
        }
    }

    @Nested
    class Reconciling {

        @Test
        void startsACreatingClientAndContinuesAProvisioningOne() {
            assertThat(registered().reconciliation(T0)).isInstanceOf(Reconciliation.Start.class);
            assertThat(registered().movedTo(AgentStatus.PROVISIONING, "started", T0).reconciliation(T0))
                    .isInstanceOf(Reconciliation.Continue.class);
            assertThat(registered().isDueForReconciliation(T0)).isTrue();
        }

        @Test
        void waitsOutTheBackOffOfAPendingClientThenRetriesIt() {
            Client pending = registered().movedTo(AgentStatus.PENDING, "engine away", T0)
                    .withRetry(RetrySchedule.NONE.afterFailure(T0).afterFailure(T0));
            Instant next = pending.retry().nextAttemptAt().orElseThrow();

            assertThat(pending.reconciliation(next.minusMillis(1))).isEqualTo(new Reconciliation.Wait(next));
            assertThat(pending.isDueForReconciliation(next.minusMillis(1))).isFalse();
            assertThat(pending.reconciliation(next)).isEqualTo(new Reconciliation.Retry(3, "retrying"));
            assertThat(pending.isDueForReconciliation(next)).isTrue();
        }

        @Test
        void cutsTheBackOffShortWhenTheRuntimeAnswersAgain() {
            Client pending = registered().movedTo(AgentStatus.PENDING, "engine away", T0)
                    .withRetry(RetrySchedule.NONE.afterFailure(T0).afterFailure(T0).afterFailure(T0));

            assertThat(pending.reconciliation(T0, true))
                    .isEqualTo(new Reconciliation.Retry(4, "the agent runtime answers again"));
            assertThat(pending.reconciliation(T0, false)).isInstanceOf(Reconciliation.Wait.class);
        }

        @Test
        void onlyWatchesActiveAndDestroyedClientsEvenWhenTheRuntimeAnswersAgain() {
            assertThat(active().reconciliation(T1, true)).isInstanceOf(Reconciliation.Watch.class);
            assertThat(active().destroyed(new DeletionConfirmation("Acme Corp"), T1).reconciliation(T1, true))
                    .isInstanceOf(Reconciliation.Watch.class);
            assertThat(active().isDueForReconciliation(T1)).isFalse();
        }
    }
}
