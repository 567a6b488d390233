package dev.steward.application.provisioning;

import static dev.steward.application.provisioning.ScriptedAgentRuntime.failPermanently;
import static dev.steward.application.provisioning.ScriptedAgentRuntime.failRetryably;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import dev.steward.application.InMemoryCore;
import dev.steward.application.client.DeleteClientCommand;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import dev.steward.application.mode.ChangeOperatingModeCommand;
import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.provisioning.ProvisioningLoop.ReconcilerTiming;
import dev.steward.domain.agent.AgentLiveness;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.agent.Reconciliation;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProvisioningReconcilerTest {

    private final InMemoryCore core = new InMemoryCore(ScriptedAgentRuntime::new);
    private final ScriptedAgentRuntime runtime = (ScriptedAgentRuntime) core.runtime;
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    private Client created(String slug) {
        return core.aClient(msp, "Client " + slug, slug);
    }

    private Client active(String slug) {
        Client client = created(slug);
        core.reconciler.reconcileDue();
        assertThat(stored(client).status()).isEqualTo(AgentStatus.ACTIVE);
        return stored(client);
    }

    private Client stored(Client client) {
        return core.stored(client);
    }

    private List<AgentStatus> path(Client client) {
        return core.clients.history(client.id()).stream().map(StatusChange::to).toList();
    }

    private List<ObservedAgent> agentsOf(Client client) {
        return core.inProcessRuntime.observe().stream().filter(a -> a.client().equals(client.id())).toList();
    }

    private static Duration untilNextAttempt(Client client, Instant now) {
        return Duration.between(now, client.retry().nextAttemptAt().orElseThrow());
    }

    /**
     * Only the agent knows which configuration it runs: the runtime reporting it up is not enough for active / idle,
     * its check-in with the desired version (made since provisioning began) is.
     */
    @Test
    void passesReportTheirTimingsTheClientCountsAndHowLongProvisioningTook() {
        Client acme = created("acme");
        created("initech");
        core.reconciler.reconcileDue();
        core.clock.advance(Duration.ofMillis(1500));
        core.reconciler.reconcileAll();

        assertThat(core.metrics.value("reconcile_passes", "pass", "due")).isEqualTo(1);
        assertThat(core.metrics.value("reconcile_passes", "pass", "full")).isEqualTo(1);
        assertThat(core.metrics.value("clients", "status", "active")).isEqualTo(2);
        assertThat(core.metrics.value("clients", "status", "error")).isZero();
        assertThat(core.metrics.value("clients_deploy", "deploy_status", "idle")).isEqualTo(2);
        assertThat(core.metrics.value("agents_provisioned")).isEqualTo(2);
        assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @Nested
    class Acknowledgement {

        /** An agent the runtime reports READY with the spec's version, which has not checked in (yet). */
        private ObservedAgent upButSilent(AgentSpec spec) {
            return new ObservedAgent(spec.client(), spec.msp(), spec.configVersion(), ObservedAgent.State.READY, 0,
                    "running (healthy)");
        }

        private void checkIn(Client client, long version, Instant at) {
            core.checkIns.record(new AgentCheckIns.CheckIn(client.id(), version, at));
        }

        @Test
        void anAgentTheRuntimeReportsUpStaysProvisioningUntilItAcknowledgesTheVersion() {
            Client acme = created("acme");
            runtime.alwaysEnsure(this::upButSilent);

            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);
            assertThat(stored(acme).deployStatus()).isEqualTo(DeployStatus.DEPLOYING);

            core.clock.advance(Duration.ofSeconds(2));
            checkIn(acme, 1, core.clock.instant());
            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(stored(acme).deployStatus()).isEqualTo(DeployStatus.IDLE);
        }

        @Test
        void anAcknowledgementOfAnOlderVersionDoesNotFinishADeploy() {
            Client acme = active("acme");
            core.inProcessRuntime.destroy(acme.id()); // its heartbeat would keep acknowledging v1 on its own
            runtime.alwaysEnsure(this::upButSilent);
            core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "acme", "execute", Optional.empty()));
            core.clock.advance(Duration.ofSeconds(1));
            checkIn(acme, 1, core.clock.instant()); // the agent still runs v1

            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);
            assertThat(stored(acme).deployStatus()).isEqualTo(DeployStatus.DEPLOYING);

            checkIn(acme, 2, core.clock.instant());
            core.reconciler.reconcileDue();

            assertThat(stored(acme).deployStatus()).isEqualTo(DeployStatus.IDLE);
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
        }

        @Test
        void aCheckInFromBeforeProvisioningBeganIsNotTheNewAgentsAcknowledgement() {
            Client acme = created("acme");
            checkIn(acme, 1, core.clock.instant().minusSeconds(60)); // an earlier agent of this client, now gone
            runtime.alwaysEnsure(this::upButSilent);

            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);
        }

        @Test
        void anAcknowledgementWithoutALiveAgentIsNotEnough() {
            Client acme = created("acme");
            runtime.alwaysEnsure(spec -> new ObservedAgent(spec.client(), spec.msp(), spec.configVersion(),
                    ObservedAgent.State.EXITED, 0, "exited with code 1"));
            checkIn(acme, 1, core.clock.instant());

            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PENDING);
        }
    }

    @Nested
    class HappyPath {

        @Test
        void takesANewClientFromCreatingThroughProvisioningToActiveInOnePass() {
            Client acme = created("acme");

            assertThat(core.reconciler.reconcileDue()).isEqualTo(1);

            Client after = stored(acme);
            assertThat(after.status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(after.deployStatus()).isEqualTo(DeployStatus.IDLE);
            assertThat(path(acme)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
            assertThat(core.clients.history(acme.id())).extracting(StatusChange::reason)
                    .containsExactly("client created", "provisioning started", "agent runs configuration v1");
            assertThat(agentsOf(acme)).singleElement().satisfies(agent -> assertThat(agent.runs(1)).isTrue());
            assertThat(runtime.ensureCalls(acme.id())).isEqualTo(1);
        }

        @Test
        void anotherPassChangesNothing() {
            Client acme = active("acme");

            assertThat(core.reconciler.reconcileDue()).isZero();
            assertThat(core.reconciler.reconcileAll()).isZero();

            assertThat(stored(acme)).isEqualTo(acme);
            assertThat(runtime.ensureCalls(acme.id())).isEqualTo(1);
        }

        @Test
        void aFullPassAsksTheRuntimeOnceHoweverManyPagesOfClientsThereAre() {
            List<Client> many = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                many.add(created("many-" + i));
            }
            while (core.reconciler.reconcileDue() > 0) {
                // due passes take 200 clients each
            }
            AtomicInteger observations = new AtomicInteger();
            runtime.onObserve(observations::incrementAndGet);

            assertThat(core.reconciler.reconcileAll()).isZero();

            assertThat(observations).as("observe() calls in one full pass over 450 converged clients").hasValue(1);
            assertThat(many).allSatisfy(client -> assertThat(stored(client).status()).isEqualTo(AgentStatus.ACTIVE));
        }

        @Test
        void theBackgroundLoopProvisionsWithoutAnyoneAsking() {
            Client acme = created("acme");

            try (ProvisioningLoop loop = new ProvisioningLoop(core.reconciler,
                    new ReconcilerTiming(Duration.ofMillis(10), Duration.ofMillis(50)))) {
                loop.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> stored(acme).status() == AgentStatus.ACTIVE);
            }
        }
    }

    @Nested
    class WhenTheRuntimeFailsRetryably {

        @Test
        void theClientWaitsInPendingAndRecoversOnItsOwnAfterTheBackOff() {
            Client acme = created("acme");
            runtime.thenEnsure(failRetryably("engine unreachable"));

            core.reconciler.reconcileDue();

            Client pending = stored(acme);
            assertThat(pending.status()).isEqualTo(AgentStatus.PENDING);
            assertThat(pending.lastChange().reason()).isEqualTo("cannot provision yet: engine unreachable (next try in 1 s)");
            assertThat(pending.retry().failures()).isEqualTo(1);
            assertThat(untilNextAttempt(pending, core.clock.instant())).isEqualTo(Duration.ofSeconds(1));
            assertThat(pending.deployStatus()).isEqualTo(DeployStatus.DEPLOYING);

            core.clock.advance(Duration.ofMillis(999));
            assertThat(core.reconciler.reconcileDue()).as("not due before the back-off").isZero();
            assertThat(stored(acme)).isEqualTo(pending);

            core.clock.advance(Duration.ofMillis(1));
            core.reconciler.reconcileDue();

            Client recovered = stored(acme);
            assertThat(recovered.status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(recovered.retry()).isEqualTo(RetrySchedule.NONE);
            assertThat(recovered.deployStatus()).isEqualTo(DeployStatus.IDLE);
            assertThat(path(acme)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING, AgentStatus.PENDING,
                    AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
            assertThat(core.clients.history(acme.id()).get(3).reason()).isEqualTo("retrying (attempt 2)");
        }

        @Test
        void waitsOneThenTwoThenFourSeconds() {
            Client acme = created("acme");
            runtime.thenEnsure(failRetryably("busy"), failRetryably("busy"), failRetryably("busy"));

            List<Duration> waits = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                core.reconciler.reconcileDue();
                Duration wait = untilNextAttempt(stored(acme), core.clock.instant());
                waits.add(wait);
                core.clock.advance(wait);
            }
            core.reconciler.reconcileDue();

            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
        }

        @Test
        void givesUpWithAnErrorAfterRepeatedFailuresThenKeepsRetryingWithBackOff() {
            Client acme = created("acme");
            runtime.alwaysEnsure(failRetryably("capacity exhausted"));

            for (int attempt = 1; attempt <= RetrySchedule.GIVE_UP_AFTER; attempt++) {
                core.reconciler.reconcileDue();
                Client now = stored(acme);
                assertThat(now.status()).as("after attempt %d", attempt)
                        .isEqualTo(attempt < RetrySchedule.GIVE_UP_AFTER ? AgentStatus.PENDING : AgentStatus.ERROR);
                core.clock.advance(untilNextAttempt(now, core.clock.instant()));
            }

            Client failed = stored(acme);
            assertThat(failed.retry().failures()).isEqualTo(RetrySchedule.GIVE_UP_AFTER);
            assertThat(failed.lastChange().reason()).isEqualTo("capacity exhausted");
            assertThat(failed.deployStatus()).isEqualTo(new DeployStatus.Failed("capacity exhausted"));
            assertThat(path(acme)).filteredOn(s -> s == AgentStatus.PENDING)
                    .hasSize(RetrySchedule.GIVE_UP_AFTER - 1);

            runtime.alwaysEnsure(null);
            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(stored(acme).deployStatus()).isEqualTo(DeployStatus.IDLE);
        }

        @Test
        void anAgentThatDiesRightAfterStartIsRetriedRatherThanLeftProvisioning() {
            Client acme = created("acme");
            runtime.thenEnsure(spec -> new ObservedAgent(spec.client(), spec.msp(), spec.configVersion(),
                    ObservedAgent.State.EXITED, 3, "exited with code 1"));

            core.reconciler.reconcileDue();

            Client pending = stored(acme);
            assertThat(pending.status()).isEqualTo(AgentStatus.PENDING);
            assertThat(pending.lastChange().reason()).contains("agent exited right after start: exited with code 1");

            core.clock.advance(Duration.ofSeconds(1));
            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
        }

        @Test
        void anAgentStillStartingStaysProvisioningUntilItIsReady() {
            Client acme = created("acme");
            runtime.thenEnsure(spec -> new ObservedAgent(spec.client(), spec.msp(), 0, ObservedAgent.State.STARTING,
                    0, "pulling image"));

            core.reconciler.reconcileDue();
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);

            core.reconciler.reconcileDue();
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
        }
    }

    /**
     * Issue 14: an agent is alive when it checks in (no health check runs inside its container). One whose loop
     * stopped, or that never checks in, is unhealthy once the limit has passed; a control plane that was down, or whose
     * store was, holds none of that silence against its agents.
     */
    @Nested
    class JudgedByItsCheckIns {

        private final Duration limit = AgentLiveness.DEFAULT.limit();

        /** The agent's process stays, its loop stops turning: it never checks in again. */
        private void stopTheLoopOf(Client client) {
            core.inProcessRuntime.worker(client.id()).orElseThrow().close();
        }

        private ObservedAgent upButSilent(AgentSpec spec, Optional<Instant> runningSince) {
            return new ObservedAgent(spec.client(), spec.msp(), spec.configVersion(), ObservedAgent.State.READY, 0,
                    "running", Optional.empty(), false, runningSince);
        }

        private List<StatusChange> changesAfter(Client client, Instant at) {
            return core.clients.history(client.id()).stream().filter(change -> change.at().isAfter(at)).toList();
        }

        @Test
        void anActiveAgentWhoseLoopStoppedIsUnhealthyOnceTheLimitHasPassedAndTheRetryReplacesIt() {
            Client acme = active("acme");
            var stuck = core.inProcessRuntime.worker(acme.id()).orElseThrow();
            stopTheLoopOf(acme);

            core.clock.advance(limit);
            core.reconciler.reconcileAll();
            assertThat(stored(acme).status()).as("heard from within the limit").isEqualTo(AgentStatus.ACTIVE);

            core.clock.advance(Duration.ofSeconds(1));
            core.reconciler.reconcileAll();

            Client failed = stored(acme);
            assertThat(failed.status()).isEqualTo(AgentStatus.ERROR);
            assertThat(failed.lastChange().reason()).isEqualTo("agent unhealthy: no check-in for 51 s (limit 50 s)");

            core.clock.advance(Duration.ofSeconds(1));
            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(path(acme).subList(2, path(acme).size())).containsExactly(AgentStatus.ACTIVE, AgentStatus.ERROR,
                    AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
            assertThat(core.inProcessRuntime.worker(acme.id())).as("the stuck agent was replaced")
                    .hasValueSatisfying(worker -> assertThat(worker).isNotSameAs(stuck));
        }

        @Test
        void aNewAgentThatNeverChecksInFailsItsProvisioningOnceTheLimitHasPassed() {
            Client acme = created("acme");
            runtime.alwaysEnsure(spec -> upButSilent(spec, Optional.empty()));
            core.reconciler.reconcileDue();
            core.clock.advance(limit);
            core.reconciler.reconcileDue();
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);

            core.clock.advance(Duration.ofSeconds(1));
            core.reconciler.reconcileDue();

            Client pending = stored(acme);
            assertThat(pending.status()).isEqualTo(AgentStatus.PENDING);
            assertThat(pending.lastChange().reason()).isEqualTo("cannot provision yet: agent unhealthy right after"
                    + " start: running, no check-in for 51 s (limit 50 s) (next try in 1 s)");
        }

        @Test
        void noSilenceCountsFromBeforeTheAgentStartedRunning() {
            Client acme = created("acme");
            // a Swarm task that spent three minutes pulling its image before it ran
            runtime.alwaysEnsure(spec -> upButSilent(spec, Optional.of(core.clock.instant())));
            core.clock.advance(Duration.ofMinutes(3));

            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);
        }

        /**
         * A control plane killed between "container created" and "started" leaves a container the engine reports
         * {@code created} (starting) for ever: past the limit the runtime is asked again, which replaces it.
         */
        @Test
        void anAgentReportedStartingForLongerThanTheLimitIsEnsuredAgain() {
            Client acme = created("acme");
            runtime.thenEnsure(spec -> {
                ObservedAgent neverStarted = new ObservedAgent(spec.client(), spec.msp(), spec.configVersion(),
                        ObservedAgent.State.STARTING, 0, "created");
                runtime.showStuck(neverStarted);
                return neverStarted;
            });
            core.reconciler.reconcileDue();
            core.clock.advance(limit);
            core.reconciler.reconcileDue();
            assertThat(runtime.ensureCalls(acme.id())).as("starting within the limit: not asked again").isEqualTo(1);
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);

            core.clock.advance(Duration.ofSeconds(1));
            core.reconciler.reconcileDue();

            assertThat(runtime.ensureCalls(acme.id())).isEqualTo(2);
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
        }

        /** Bug 2 of issue 14: after a restart no client may go to error because the control plane heard nothing. */
        @Test
        void afterARestartEveryAgentHasTheWholeLimitToCheckInHoweverLongTheControlPlaneWasDown() {
            Client acme = active("acme");
            Client initech = active("initech");
            stopTheLoopOf(acme); // neither can reach the control plane while it is down
            stopTheLoopOf(initech);
            core.clock.advance(Duration.ofMinutes(5));
            Instant restart = core.clock.instant();
            ProvisioningReconciler restarted = new ProvisioningReconciler(core.clients, core.runtime, core.checkIns,
                    core.unitOfWork, core.clock, core.metrics);

            restarted.reconcileAll();
            core.clock.advance(Duration.ofSeconds(35)); // an agent backing off calls again within 30 s
            core.checkIns.record(new AgentCheckIns.CheckIn(acme.id(), 1, core.clock.instant()));
            core.checkIns.record(new AgentCheckIns.CheckIn(initech.id(), 1, core.clock.instant()));
            restarted.reconcileAll();
            core.clock.advance(limit);
            restarted.reconcileAll();

            assertThat(changesAfter(acme, restart)).isEmpty();
            assertThat(changesAfter(initech, restart)).isEmpty();

            core.clock.advance(Duration.ofSeconds(1));
            restarted.reconcileAll();
            assertThat(stored(acme).status()).as("silence since the restart does count").isEqualTo(AgentStatus.ERROR);
        }

        @Test
        void theSameSilenceCountsForAControlPlaneThatWasListeningAllAlong() {
            Client acme = active("acme");
            stopTheLoopOf(acme);
            core.clock.advance(Duration.ofMinutes(5));

            core.reconciler.reconcileAll();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ERROR);
            assertThat(stored(acme).lastChange().reason()).isEqualTo("agent unhealthy: no check-in for 300 s (limit"
                    + " 50 s)");
        }

        @Test
        void silenceWhileTheStoreCouldNotBeReachedDoesNotCount() {
            Client acme = active("acme");
            stopTheLoopOf(acme);
            AtomicBoolean storeDown = new AtomicBoolean();
            ClientRepository flaky = mock(ClientRepository.class, delegatesTo(core.clients));
            doAnswer(call -> {
                if (storeDown.get()) {
                    throw PortFailure.retryable("store", "connection refused", null);
                }
                return core.clients.listLive(call.getArgument(0), call.getArgument(1));
            }).when(flaky).listLive(any(), anyInt());
            ProvisioningReconciler reconciler = new ProvisioningReconciler(flaky, core.runtime, core.checkIns,
                    core.unitOfWork, core.clock, core.metrics);

            storeDown.set(true);
            core.clock.advance(Duration.ofMinutes(2));
            assertThatThrownBy(reconciler::reconcileAll).isInstanceOf(PortFailure.class);
            storeDown.set(false);
            Instant back = core.clock.instant();
            reconciler.reconcileAll();
            core.clock.advance(limit);
            reconciler.reconcileAll();

            assertThat(changesAfter(acme, back)).isEmpty();
            core.clock.advance(Duration.ofSeconds(1));
            reconciler.reconcileAll();
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ERROR);
        }
    }

    @Nested
    class WhenTheRuntimeFailsPermanently {

        @Test
        void theClientIsInErrorWithTheMessageAndTheDeployFailed() {
            Client acme = created("acme");
            runtime.thenEnsure(failPermanently("image steward/agent:1 not found"));

            core.reconciler.reconcileDue();

            Client failed = stored(acme);
            assertThat(failed.status()).isEqualTo(AgentStatus.ERROR);
            assertThat(failed.lastChange().reason()).isEqualTo("image steward/agent:1 not found");
            assertThat(failed.deployStatus()).isEqualTo(new DeployStatus.Failed("image steward/agent:1 not found"));
            assertThat(path(acme)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING, AgentStatus.ERROR);
            assertThat(agentsOf(acme)).isEmpty();
        }

        @Test
        void theAutomaticRetryBringsItBackOnceTheCauseIsFixed() {
            Client acme = created("acme");
            runtime.thenEnsure(failPermanently("image steward/agent:1 not found"));
            core.reconciler.reconcileDue();

            core.clock.advance(Duration.ofSeconds(1));
            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(stored(acme).deployStatus()).isEqualTo(DeployStatus.IDLE);
        }
    }

    @Nested
    class WhenARunningAgentFails {

        @Test
        void aCrashedAgentMovesTheClientToErrorAndTheAutomaticRetryRestoresIt() {
            Client acme = active("acme");

            core.inProcessRuntime.crash(acme.id(), 137);
            assertThat(core.reconciler.reconcileDue()).as("the due pass does not look at active clients").isZero();
            core.reconciler.reconcileAll();

            Client failed = stored(acme);
            assertThat(failed.status()).isEqualTo(AgentStatus.ERROR);
            assertThat(failed.lastChange().reason()).isEqualTo("agent exited: exited with code 137");
            assertThat(core.reconciler.reconcileDue()).as("not before the back-off").isZero();

            core.clock.advance(Duration.ofSeconds(1));
            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(path(acme).subList(2, path(acme).size())).containsExactly(AgentStatus.ACTIVE, AgentStatus.ERROR,
                    AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
            assertThat(agentsOf(acme)).singleElement()
                    .satisfies(agent -> assertThat(agent.state()).isEqualTo(ObservedAgent.State.READY));
        }

        @Test
        void aVanishedAgentIsProvisionedAgain() {
            Client acme = active("acme");
            core.inProcessRuntime.destroy(acme.id());

            core.reconciler.reconcileAll();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(core.clients.history(acme.id()).get(3).reason()).isEqualTo("agent is gone; provisioning it again");
            assertThat(agentsOf(acme)).hasSize(1);
        }

        @Test
        void anAgentRunningAnotherConfigurationIsBroughtBackInLine() {
            Client acme = active("acme");
            core.inProcessRuntime.ensure(new AgentSpec(acme.id(), acme.msp(), acme.slug(), 5));

            core.reconciler.reconcileAll();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(core.clients.history(acme.id()).get(3).reason()).isEqualTo("agent runs an old configuration");
            assertThat(agentsOf(acme)).singleElement().satisfies(a -> assertThat(a.configVersion()).isEqualTo(1));
        }
    }

    /** The operator changed the agent image: every agent gets it, one at a time, and the deploy status shows it. */
    @Nested
    class WhenTheAgentImageChanges {

        private ObservedAgent onTheOldImage(ObservedAgent agent) {
            return new ObservedAgent(agent.client(), agent.msp(), agent.configVersion(), agent.state(),
                    agent.restarts(), agent.detail(), agent.lastRestart(), true);
        }

        private List<Client> deploying(List<Client> clients) {
            return clients.stream().map(ProvisioningReconcilerTest.this::stored)
                    .filter(client -> client.deployStatus() == DeployStatus.DEPLOYING).toList();
        }

        @Test
        void everyAgentIsRolledOutOneAtATime() {
            List<Client> clients = List.of(active("acme"), active("globex"), active("initech"));
            clients.forEach(client -> runtime.observeAs(client.id(), this::onTheOldImage));

            List<ClientId> order = new ArrayList<>();
            for (int pass = 0; pass < 3; pass++) {
                core.clock.advance(Duration.ofSeconds(1)); // the old agents' check-ins are from before the rollout
                java.util.Map<ClientId, Integer> ensuredBefore = new java.util.HashMap<>();
                clients.forEach(client -> ensuredBefore.put(client.id(), runtime.ensureCalls(client.id())));
                core.reconciler.reconcileAll();
                List<Client> rolling = deploying(clients);
                assertThat(rolling).as("pass %d rolls out exactly one agent", pass).hasSize(1);
                Client current = rolling.getFirst();
                assertThat(current.status()).isEqualTo(AgentStatus.PROVISIONING);
                assertThat(current.lastChange().reason()).startsWith("rolling out a new agent image");
                for (Client client : clients) {
                    assertThat(runtime.ensureCalls(client.id()) - ensuredBefore.get(client.id()))
                            .as("only the agent being rolled out was replaced").isEqualTo(client.id()
                                    .equals(current.id()) ? 1 : 0);
                }
                order.add(current.id());

                core.reconciler.reconcileAll();
                assertThat(deploying(clients)).as("no second one while the first is not active again")
                        .containsExactly(stored(current));

                core.clock.advance(Duration.ofMillis(10));
                core.checkIns.record(new AgentCheckIns.CheckIn(current.id(), 1, core.clock.instant()));
                core.reconciler.reconcileDue();
                assertThat(stored(current).status()).isEqualTo(AgentStatus.ACTIVE);
                assertThat(stored(current).deployStatus()).isEqualTo(DeployStatus.IDLE);
            }
            assertThat(order).doesNotHaveDuplicates().hasSize(3);
            core.reconciler.reconcileAll();
            assertThat(deploying(clients)).as("nothing left to roll out").isEmpty();
        }
    }

    /** Swarm (or the engine's restart policy) replaced a crashed agent before any pass saw it dead. */
    @Nested
    class WhenTheEngineRestartedAnAgent {

        @Test
        void historySaysSoAndTheClientIsActiveAgainOnceTheNewAgentChecksIn() {
            Client acme = active("acme");
            Instant crashedAt = core.clock.instant().plusMillis(5);
            core.clock.advance(Duration.ofSeconds(1));
            runtime.observeAs(acme.id(), agent -> new ObservedAgent(agent.client(), agent.msp(), agent.configVersion(),
                    agent.state(), 1, agent.detail(), Optional.of(new ObservedAgent.Restart(crashedAt, "exit 137")),
                    false));

            core.reconciler.reconcileAll();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);
            assertThat(stored(acme).lastChange().reason()).isEqualTo("restarted by the engine: exit 137");
            core.clock.advance(Duration.ofMillis(10));
            core.checkIns.record(new AgentCheckIns.CheckIn(acme.id(), 1, core.clock.instant()));
            core.reconciler.reconcileDue();
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);

            core.reconciler.reconcileAll();
            assertThat(core.clients.history(acme.id())).as("the same restart is recorded once")
                    .filteredOn(change -> change.reason().startsWith("restarted by the engine")).hasSize(1);
        }
    }

    @Nested
    class WhenTheConfigurationChanges {

        @Test
        void theClientGoesThroughProvisioningBackToActiveWithTheDeployIdle() {
            Client acme = active("acme");

            core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "acme", "execute", Optional.empty()));
            Client reconfiguring = stored(acme);
            assertThat(reconfiguring.status()).isEqualTo(AgentStatus.PROVISIONING);
            assertThat(reconfiguring.deployStatus()).isEqualTo(DeployStatus.DEPLOYING);

            core.reconciler.reconcileDue();

            Client after = stored(acme);
            assertThat(after.status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(after.deployStatus()).isEqualTo(DeployStatus.IDLE);
            assertThat(after.configVersion()).isEqualTo(2);
            assertThat(agentsOf(acme)).singleElement().satisfies(agent -> assertThat(agent.runs(2)).isTrue());
        }

        @Test
        void aConfigurationPushThatFailsShowsTheMessageOnTheDeployStatus() {
            active("acme");
            core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "acme", "execute", Optional.empty()));
            runtime.thenEnsure(failPermanently("agent refused configuration v2"));

            core.reconciler.reconcileDue();

            assertThat(core.details(msp, "acme").client().deployStatus())
                    .isEqualTo(new DeployStatus.Failed("agent refused configuration v2"));
        }
    }

    @Nested
    class Orphans {

        @Test
        void theFullPassRemovesAgentsOfDestroyedAndUnknownClientsAndKeepsTheRest() {
            Client live = active("acme");
            Client gone = active("gone");
            core.deleteClient.delete(new DeleteClientCommand(msp.id(), "gone", "Client gone", Optional.empty()));
            core.inProcessRuntime.ensure(new AgentSpec(gone.id(), gone.msp(), gone.slug(), 1)); // left behind
            ClientId unknown = new ClientId(UUID.randomUUID());
            core.inProcessRuntime.ensure(new AgentSpec(unknown, new MspId(UUID.randomUUID()), Slug.of("ghost"), 1));
            assertThat(core.inProcessRuntime.observe()).hasSize(3);

            core.reconciler.reconcileAll();

            assertThat(core.inProcessRuntime.observe()).extracting(ObservedAgent::client).containsExactly(live.id());
            assertThat(stored(live)).isEqualTo(live);
        }

        @Test
        void aPassThatCannotObserveTheRuntimeRemovesNothing() {
            ClientId unknown = new ClientId(UUID.randomUUID());
            core.inProcessRuntime.ensure(new AgentSpec(unknown, msp.id(), Slug.of("ghost"), 1));
            runtime.failObserve(true);

            core.reconciler.reconcileAll();

            runtime.failObserve(false);
            assertThat(core.inProcessRuntime.observe()).extracting(ObservedAgent::client).containsExactly(unknown);
        }
    }

    @Nested
    class CrashSafety {

        /** Stands for the process dying: an Error, so nothing on the way up handles it. */
        static final class SimulatedCrash extends Error {
            SimulatedCrash() {
                super("simulated crash");
            }
        }

        /**
         * Another control-plane process over the same store and runtime, dying when it saves a client: the store reads
         * normally and dies on the first save, as a process killed just before it commits would.
         */
        private ProvisioningReconciler dyingBeforeTheSave() {
            ClientRepository crashing = mock(ClientRepository.class, delegatesTo(core.clients));
            doThrow(new SimulatedCrash()).when(crashing).update(any());
            return new ProvisioningReconciler(crashing, runtime, core.checkIns, core.unitOfWork, core.clock,
                    new InMemoryMetricsRecorder());
        }

        @Test
        void aCrashBetweenEnsureAndTheStatusSaveEndsWithOneActiveAgent() {
            Client acme = created("acme");

            assertThatThrownBy(() -> dyingBeforeTheSave().reconcileDue()).isInstanceOf(SimulatedCrash.class);
            assertThat(stored(acme)).as("nothing of the crashed pass was saved").isEqualTo(acme);
            assertThat(agentsOf(acme)).as("but the agent was created").hasSize(1);

            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(agentsOf(acme)).hasSize(1);
            assertThat(runtime.ensureCalls(acme.id())).as("the agent found running was not created again").isEqualTo(1);
            assertThat(path(acme)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
        }

        @Test
        void aCrashInsideEnsureAfterTheAgentStartedEndsWithOneActiveAgent() {
            Client acme = created("acme");
            runtime.thenEnsure(spec -> {
                runtime.real(spec);
                throw new SimulatedCrash();
            });

            assertThatThrownBy(() -> core.reconciler.reconcileDue()).isInstanceOf(SimulatedCrash.class);
            core.reconciler.reconcileDue();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(agentsOf(acme)).hasSize(1);
        }

        @Test
        void aCrashWhilePushingAConfigurationEndsActiveOnTheNewConfiguration() {
            Client acme = active("acme");
            core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "acme", "execute", Optional.empty()));

            assertThatThrownBy(() -> dyingBeforeTheSave().reconcileDue()).isInstanceOf(SimulatedCrash.class);
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);
            core.reconciler.reconcileDue();

            Client after = stored(acme);
            assertThat(after.status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(after.deployStatus()).isEqualTo(DeployStatus.IDLE);
            assertThat(agentsOf(acme)).singleElement().satisfies(agent -> assertThat(agent.runs(2)).isTrue());
        }

        @Test
        void theCrashedPassReleasedItsClaim() {
            Client acme = created("acme");
            assertThatThrownBy(() -> dyingBeforeTheSave().reconcileDue()).isInstanceOf(SimulatedCrash.class);

            boolean claimable = core.unitOfWork.inTransaction(() -> core.clients.claim(acme.id()).isPresent());

            assertThat(claimable).isTrue();
        }
    }

    @Nested
    class SeveralReconcilers {

        @Test
        void aDuePassDoesNotUndoWhatAnotherPassFinishedAfterItObservedTheRuntime() {
            Client acme = created("acme");
            ScriptedAgentRuntime otherRuntime = new ScriptedAgentRuntime(core.inProcessRuntime);
            ProvisioningReconciler other = new ProvisioningReconciler(core.clients, otherRuntime, core.checkIns,
                    core.unitOfWork, core.clock, new InMemoryMetricsRecorder());
            runtime.onObserve(() -> {
                runtime.onObserve(() -> { });
                other.reconcileDue(); // finishes acme between this pass's observation and its claim
            });

            assertThat(core.reconciler.reconcileDue()).isZero();

            assertThat(path(acme)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
            assertThat(otherRuntime.ensureCalls(acme.id())).isEqualTo(1);
            assertThat(runtime.ensureCalls(acme.id())).isZero();
        }

        @Test
        void aFullPassDoesNotUndoWhatAnotherPassFinishedAfterItReadTheClients() {
            Client acme = created("acme");
            ScriptedAgentRuntime otherRuntime = new ScriptedAgentRuntime(core.inProcessRuntime);
            ProvisioningReconciler other = new ProvisioningReconciler(core.clients, otherRuntime, core.checkIns,
                    core.unitOfWork, core.clock, new InMemoryMetricsRecorder());
            runtime.onObserve(() -> {
                runtime.onObserve(() -> { });
                other.reconcileDue();
            });

            core.reconciler.reconcileAll();

            assertThat(path(acme)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
            assertThat(runtime.ensureCalls(acme.id())).isZero();
        }

        @Test
        void anUnexpectedFailureForOneClientDoesNotHoldUpTheOthers() {
            Client first = created("first");
            core.clock.advance(Duration.ofSeconds(1));
            Client second = created("second");
            runtime.alwaysEnsure(spec -> {
                if (spec.client().equals(first.id())) {
                    throw new IllegalStateException("adapter bug");
                }
                return runtime.real(spec);
            });

            core.reconciler.reconcileDue();
            core.reconciler.reconcileDue();

            assertThat(stored(second).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(stored(first)).as("the failing client is left for a later pass, unchanged").isEqualTo(first);
        }

        @Test
        void twoReconcilersOnTwoThreadsNeverEnsureTheSameClientTwice() throws Exception {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                clients.add(created("client-" + i));
            }
            CountDownLatch firstEnsureEntered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            runtime.thenEnsure(spec -> {
                firstEnsureEntered.countDown();
                awaitUninterruptibly(release);
                return runtime.real(spec);
            });
            ProvisioningReconciler second = new ProvisioningReconciler(core.clients, runtime, core.checkIns,
                    core.unitOfWork, core.clock, new InMemoryMetricsRecorder());

            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Integer> a = CompletableFuture.supplyAsync(core.reconciler::reconcileDue, threads);
                CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::reconcileDue, threads);
                assertThat(firstEnsureEntered.await(10, TimeUnit.SECONDS)).isTrue();
                // one pass is stuck inside ensure holding its claim; the other must get through without touching it
                CompletableFuture.anyOf(a, b).get(10, TimeUnit.SECONDS);
                release.countDown();
                CompletableFuture.allOf(a, b).get(10, TimeUnit.SECONDS);
                assertThat(a.get() + b.get()).isEqualTo(30);
            } finally {
                release.countDown();
                threads.shutdownNow();
            }

            for (Client client : clients) {
                assertThat(runtime.ensureCalls(client.id())).as(client.slug().value()).isEqualTo(1);
                assertThat(runtime.mostConcurrentEnsures(client.id())).isEqualTo(1);
                assertThat(path(client)).containsExactly(AgentStatus.CREATING, AgentStatus.PROVISIONING,
                        AgentStatus.ACTIVE);
            }
            assertThat(core.inProcessRuntime.observe()).hasSize(30);
        }

        @Test
        void twoReconcilersStartedTogetherShareTheWorkWithoutOverlap() throws Exception {
            for (int round = 0; round < 10; round++) {
                List<Client> clients = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    clients.add(created("round-" + round + "-" + i));
                }
                ProvisioningReconciler second = new ProvisioningReconciler(core.clients, runtime, core.checkIns,
                        core.unitOfWork, core.clock, new InMemoryMetricsRecorder());
                CyclicBarrier start = new CyclicBarrier(2);
                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> {
                        awaitBarrier(start);
                        return core.reconciler.reconcileDue();
                    }, threads);
                    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> {
                        awaitBarrier(start);
                        return second.reconcileDue();
                    }, threads);
                    assertThat(a.get(10, TimeUnit.SECONDS) + b.get(10, TimeUnit.SECONDS)).isEqualTo(15);
                } finally {
                    threads.shutdownNow();
                }
                for (Client client : clients) {
                    assertThat(runtime.ensureCalls(client.id())).as(client.slug().value()).isEqualTo(1);
                    assertThat(path(client)).hasSize(3);
                }
            }
            assertThat(core.clients.list(ClientQuery.all(msp.id())))
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(AgentStatus.ACTIVE));
        }

        private static void awaitUninterruptibly(CountDownLatch latch) {
            try {
                if (!latch.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the first ensure");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void awaitBarrier(CyclicBarrier barrier) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Issue 14's runtime bugs, each seen from the reconciler. */
    @Nested
    class RuntimeHardening {

        @Test
        void twentyClientsCreatedAtOnceAreProvisionedTwelveAtATimeNotEight() {
            int parallelism = ProvisioningReconciler.Parallelism.DEFAULT.steps();
            CountDownLatch allInFlight = new CountDownLatch(parallelism);
            runtime.alwaysEnsure(spec -> {
                allInFlight.countDown();
                try {
                    // each ensure waits until `parallelism` are in flight: fewer at once wait out the bound
                    allInFlight.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return runtime.real(spec);
            });
            List<Client> twenty = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                twenty.add(created("twenty-" + i));
            }

            core.reconciler.reconcileDue();

            assertThat(allInFlight.getCount()).as("ensures that never had company").isZero();
            assertThat(runtime.mostEnsuresAtOnce()).as("ensure calls in flight at once, bounded by the setting")
                    .isEqualTo(parallelism);
            assertThat(twenty).allSatisfy(client -> assertThat(runtime.ensureCalls(client.id())).isEqualTo(1));
        }

        @Test
        void theParallelismIsASettingBoundedByTheConnectionPool() {
            assertThat(new ProvisioningReconciler.Parallelism(16).steps()).isEqualTo(16);
            assertThatThrownBy(() -> new ProvisioningReconciler.Parallelism(17))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 16");
            assertThatThrownBy(() -> new ProvisioningReconciler.Parallelism(0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aSlowEngineHoldsUpOnlyTheClientItIsSlowForNotTheLoop() {
            CountDownLatch release = new CountDownLatch(1);
            Client slow = created("slow");
            runtime.alwaysEnsure(spec -> {
                if (spec.client().equals(slow.id())) {
                    try {
                        release.await(60, TimeUnit.SECONDS); // an image pull, a hung create
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return runtime.real(spec);
            });
            try (ProvisioningLoop loop = new ProvisioningLoop(core.reconciler,
                    new ReconcilerTiming(Duration.ofMillis(10), Duration.ofMillis(50)))) {
                loop.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> runtime.ensureCalls(slow.id()) == 1);

                Client fast = created("fast");

                // a pass that waited for its steps would wait for the slow one's release, a minute away
                await().atMost(Duration.ofSeconds(10)).until(() -> stored(fast).status() == AgentStatus.ACTIVE);
                assertThat(stored(slow).status()).as("its step still holds it").isEqualTo(AgentStatus.CREATING);
                assertThat(runtime.ensureCalls(slow.id())).as("no second step for a client whose step still runs")
                        .isEqualTo(1);
                release.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> stored(slow).status() == AgentStatus.ACTIVE);
            } finally {
                release.countDown();
            }
        }

        /** A loop whose passes are an hour apart, after its first (full) pass: only a wake-up gets it going. */
        private ProvisioningLoop startedLoopWithHourlyPasses() {
            ProvisioningLoop loop = new ProvisioningLoop(core.reconciler,
                    new ReconcilerTiming(Duration.ofHours(1), Duration.ofHours(1)));
            loop.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> core.metrics.value("reconcile_passes", "pass", "full") == 1);
            return loop;
        }

        @Test
        void aCreatedClientIsHandledAtOnceWhenTheLoopIsWokenNotAtItsNextPass() {
            try (ProvisioningLoop loop = startedLoopWithHourlyPasses()) {
                Client acme = created("acme");

                loop.wakeUp(acme.id()); // what CreateClientService does once the client is committed

                // the next pass is an hour away: only the wake-up provisions it
                await().atMost(Duration.ofSeconds(10)).until(() -> runtime.ensureCalls(acme.id()) == 1);
            }
        }

        @Test
        void anAcknowledgementIsRecordedAtOnceWhenTheLoopIsWokenNotAtItsNextPass() {
            runtime.alwaysEnsure(spec -> new ObservedAgent(spec.client(), spec.msp(), spec.configVersion(),
                    ObservedAgent.State.STARTING, 0, "running (health: starting)"));
            try (ProvisioningLoop loop = startedLoopWithHourlyPasses()) {
                Client acme = created("acme");
                loop.wakeUp(acme.id());
                await().atMost(Duration.ofSeconds(10)).until(() -> runtime.ensureCalls(acme.id()) == 1);
                assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);

                core.clock.advance(Duration.ofMillis(500));
                core.checkIns.record(new AgentCheckIns.CheckIn(acme.id(), 1, core.clock.instant()));
                loop.wakeUp(acme.id()); // what the agent gateway does for a check-in a provisioning client waits for

                await().atMost(Duration.ofSeconds(10)).until(() -> stored(acme).status() == AgentStatus.ACTIVE);
            }
        }

        @Test
        void aStepDoesNotAskTheRuntimeAgainForAnAgentThePassObservedStartingWithItsConfiguration() {
            Client provisioning = created("acme").movedTo(AgentStatus.PROVISIONING, "provisioning started",
                    core.clock.instant());
            ObservedAgent starting = new ObservedAgent(provisioning.id(), provisioning.msp(), 1,
                    ObservedAgent.State.STARTING, 0, "running (health: starting)");

            Client waiting = core.reconciler.step(provisioning, new Reconciliation.Continue(), List.of(starting));
            core.clock.advance(Duration.ofMillis(300));
            core.checkIns.record(new AgentCheckIns.CheckIn(provisioning.id(), 1, core.clock.instant()));
            Client acknowledged = core.reconciler.step(provisioning, new Reconciliation.Continue(), List.of(starting));

            assertThat(waiting).as("still waiting for its check-in").isEqualTo(provisioning);
            assertThat(acknowledged.status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(runtime.ensureCalls(provisioning.id())).as("ensure calls: the observation said it all")
                    .isZero();
            core.reconciler.step(provisioning, new Reconciliation.Continue(), List.of(new ObservedAgent(
                    provisioning.id(), provisioning.msp(), 0, ObservedAgent.State.READY, 0, "running")));
            assertThat(runtime.ensureCalls(provisioning.id())).as("an agent of another configuration is replaced")
                    .isEqualTo(1);
        }

        @Test
        void aBackOffEndsAtTheFirstFullPassAfterTheRuntimeAnswersAgain() {
            Client acme = active("acme");
            runtime.failObserve(true);
            runtime.alwaysEnsure(failRetryably("engine unreachable"));
            core.reconciler.reconcileAll(); // blind: the agent looks gone, provisioning it fails
            for (int i = 0; i < 5; i++) { // the outage lasts: the back-off grows to 32 s
                core.clock.advance(untilNextAttempt(stored(acme), core.clock.instant()).plusMillis(1));
                core.reconciler.reconcileAll();
            }
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PENDING);
            assertThat(untilNextAttempt(stored(acme), core.clock.instant())).isGreaterThan(Duration.ofSeconds(15));

            runtime.failObserve(false);
            runtime.alwaysEnsure(null);
            core.reconciler.reconcileAll(); // the engine answers again: no waiting out the back-off

            assertThat(stored(acme).lastChange().reason()).contains("the agent runtime answers again");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                core.reconciler.reconcileDue();
                return stored(acme).status() == AgentStatus.ACTIVE;
            });
        }

        @Test
        void aDueFullPassAfterTheRuntimeWasReachableAllAlongKeepsTheBackOff() {
            Client acme = created("acme");
            runtime.thenEnsure(failRetryably("no room"), failRetryably("no room"), failRetryably("no room"));
            for (int i = 0; i < 3; i++) {
                core.clock.advance(Duration.ofSeconds(5));
                core.reconciler.reconcileAll();
            }
            Instant waitUntil = stored(acme).retry().nextAttemptAt().orElseThrow();

            core.reconciler.reconcileAll();

            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PENDING);
            assertThat(stored(acme).retry().nextAttemptAt()).contains(waitUntil);
        }

        @Test
        void aSecondAgentOfAnActiveClientIsRemovedByTheFullPassAndTheClientStaysActive() {
            Client acme = active("acme");
            runtime.showDuplicate(acme.id());
            int before = runtime.ensureCalls(acme.id());

            core.reconciler.reconcileAll();

            assertThat(runtime.ensureCalls(acme.id())).as("ensure, which keeps one agent").isEqualTo(before + 1);
            assertThat(runtime.observe().stream().filter(agent -> agent.client().equals(acme.id()))).hasSize(1);
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
            assertThat(stored(acme).version()).as("nothing to save").isEqualTo(acme.version());
        }

        @Test
        void deployStatusFollowsAnAgentThatDiesAndIsProvisionedAgain() {
            Client acme = active("acme");
            core.inProcessRuntime.crash(acme.id(), 137);

            core.reconciler.reconcileAll();
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.ERROR);
            assertThat(stored(acme).deployStatus()).isInstanceOf(DeployStatus.Failed.class);

            runtime.alwaysEnsure(spec -> new ObservedAgent(spec.client(), spec.msp(), spec.configVersion(),
                    ObservedAgent.State.STARTING, 0, "starting"));
            core.clock.advance(untilNextAttempt(stored(acme), core.clock.instant()));
            core.reconciler.reconcileDue();
            assertThat(stored(acme).status()).isEqualTo(AgentStatus.PROVISIONING);
            assertThat(stored(acme).deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
        }

        @Test
        void aChangeCarriesTheTimeItHappenedNotTheTimeThePassBegan() {
            Client acme = created("acme");
            Instant passBegan = core.clock.instant();
            runtime.alwaysEnsure(spec -> {
                core.clock.advance(Duration.ofSeconds(3)); // the engine takes its time
                return runtime.real(spec);
            });

            core.reconciler.reconcileDue();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                core.reconciler.reconcileDue();
                return stored(acme).status() == AgentStatus.ACTIVE;
            });

            StatusChange activated = stored(acme).lastChange();
            assertThat(activated.at()).as("when the acknowledgement was seen").isAfter(passBegan.plusSeconds(2));
        }
    }
}
