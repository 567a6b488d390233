package dev.steward.application.provisioning;

import dev.steward.application.port.AgentCheckIns;
import dev.steward.application.port.AgentRuntime;
import dev.steward.application.port.AgentSpec;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.ObservedAgent;
import dev.steward.application.port.UnitOfWork;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Level-triggered provisioning: compares what the store wants (clients, their status and config version) with what
 * the {@link AgentRuntime} reports, and acts to close the gap. Every step is idempotent and each client is handled
 * in its own unit of work under a claim, so a crash at any point is repaired by the next pass and several control
 * planes can run passes at once without provisioning a client twice. Statuses change only through
 * {@link Client#movedTo}.
 *
 * <p>A client turns {@code active} (deploy status {@code idle}) only when its agent has <b>acknowledged</b> the desired
 * configuration version: a check-in ({@link AgentCheckIns}) with that version, made since the client entered its
 * current provisioning, while the runtime shows that agent alive with that version. The runtime's own view (a
 * container that started, a passing health check) is not enough: only the agent knows which configuration it runs.
 *
 * <p>Two passes: {@link #reconcileDue()} (frequent, only clients with work pending) and {@link #reconcileAll()}
 * (less frequent, every live client plus orphans: agents whose client is gone). Each pass asks the runtime once.
 */
public final class ProvisioningReconciler {

    private static final System.Logger LOG = System.getLogger(ProvisioningReconciler.class.getName());
    private static final int BATCH = 200;

    private final ClientRepository clients;
    private final AgentRuntime runtime;
    private final AgentCheckIns checkIns;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    @Inject
    public ProvisioningReconciler(ClientRepository clients, AgentRuntime runtime, AgentCheckIns checkIns,
                                  UnitOfWork unitOfWork, Clock clock) {
        this.clients = clients;
        this.runtime = runtime;
        this.checkIns = checkIns;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** Handles the clients that have work pending now. @return how many clients were changed */
    public int reconcileDue() {
        Instant now = clock.instant();
        List<ClientId> due = clients.dueForReconciliation(now, BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        Map<ClientId, ObservedAgent> observed = observe().orElse(Map.of());
        int changed = 0;
        for (ClientId id : due) {
            // Skip a client that is no longer due once claimed: another pass (or instance) finished it after this
            // pass observed the runtime, and acting on that older observation would undo its work.
            changed += reconcileGuarded(id, observed, now, claimed -> isDue(claimed, now)) ? 1 : 0;
        }
        return changed;
    }

    /**
     * Checks every live client against the runtime (dead or missing agents, unacknowledged configuration) and removes
     * agents that no live client owns. @return how many clients were changed
     */
    public int reconcileAll() {
        Instant now = clock.instant();
        // Every live client is read before the runtime is observed, so that (with the version check at the claim)
        // each is judged against an observation newer than the state it is judged in, and the runtime is asked once
        // per pass however many clients there are. The pass holds the live clients in memory meanwhile (well under a
        // kilobyte each). A blind pass still provisions (ensure fails the same way and moves clients to pending) but
        // never removes anything as an orphan.
        List<Client> live = new ArrayList<>();
        Optional<ClientId> after = Optional.empty();
        while (true) {
            List<Client> page = clients.listLive(after, BATCH);
            live.addAll(page);
            if (page.size() < BATCH) {
                break;
            }
            after = Optional.of(page.getLast().id());
        }
        Optional<Map<ClientId, ObservedAgent>> observation = observe();
        Map<ClientId, ObservedAgent> observed = observation.orElse(Map.of());
        Set<ClientId> liveIds = new HashSet<>();
        int changed = 0;
        for (Client client : live) {
            liveIds.add(client.id());
            Optional<ObservedAgent> agent = Optional.ofNullable(observed.get(client.id()));
            if (needsWork(client, agent, now)) {
                // only the state read before the observation is judged against it
                changed += reconcileGuarded(client.id(), observed, now,
                        claimed -> claimed.version() == client.version()) ? 1 : 0;
            }
        }
        for (ObservedAgent agent : observation.map(Map::values).orElse(List.of())) {
            if (!liveIds.contains(agent.client())) {
                try {
                    removeOrphan(agent);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, () -> "orphan agent of client " + agent.client()
                            + " not removed yet; the next full pass tries again", e);
                }
            }
        }
        return changed;
    }

    /** What the runtime holds, by client; empty when the runtime cannot be reached. */
    private Optional<Map<ClientId, ObservedAgent>> observe() {
        Map<ClientId, ObservedAgent> byClient = new HashMap<>();
        try {
            for (ObservedAgent agent : runtime.observe()) {
                byClient.put(agent.client(), agent);
            }
            return Optional.of(byClient);
        } catch (PortFailure e) {
            LOG.log(Level.WARNING, "agent runtime not observable: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private void removeOrphan(ObservedAgent agent) {
        // Re-check under a claim: the client may have been created since the page was read.
        boolean orphan = unitOfWork.inTransaction(() -> clients.find(agent.client()).map(Client::isDestroyed).orElse(true));
        if (orphan) {
            LOG.log(Level.INFO, "removing orphan agent of client {0}", agent.client());
            runtime.destroy(agent.client());
        }
    }

    /**
     * One client's step, isolated from the rest of the pass: an unexpected failure (a lost optimistic race, a runtime
     * adapter bug) is logged and left to the next pass instead of starving every client queued behind this one.
     */
    private boolean reconcileGuarded(ClientId id, Map<ClientId, ObservedAgent> observed, Instant now,
                                     Predicate<Client> stillWanted) {
        try {
            return reconcile(id, observed, now, stillWanted);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "reconciling client " + id + " failed; the next pass tries again", e);
            return false;
        }
    }

    private boolean reconcile(ClientId id, Map<ClientId, ObservedAgent> observed, Instant now,
                              Predicate<Client> stillWanted) {
        return unitOfWork.inTransaction(() -> {
            Optional<Client> claimed = clients.claim(id);
            if (claimed.isEmpty()) {
                return false; // another instance is on it
            }
            Client before = claimed.get();
            if (!stillWanted.test(before)) {
                return false;
            }
            Client after = step(before, Optional.ofNullable(observed.get(id)), now);
            if (after.equals(before)) {
                return false;
            }
            clients.update(after);
            return true;
        });
    }

    /** Whether a live client's stored state disagrees with what the runtime reports (cheap, no claim). */
    static boolean needsWork(Client client, Optional<ObservedAgent> agent, Instant now) {
        return switch (client.status()) {
            case CREATING, PROVISIONING, PENDING, ERROR -> isDue(client, now);
            case ACTIVE -> agent.isEmpty() || !agent.get().runs(client.configVersion());
            case DESTROYED -> agent.isPresent();
        };
    }

    /** Whether the client has provisioning work now, whatever the runtime holds (what a due pass is for). */
    static boolean isDue(Client client, Instant now) {
        return switch (client.status()) {
            case CREATING, PROVISIONING -> true;
            case PENDING, ERROR -> client.retry().isDue(now);
            case ACTIVE, DESTROYED -> false;
        };
    }

    /** One step towards the desired state. Pure except for runtime calls, which are idempotent. */
    Client step(Client client, Optional<ObservedAgent> agent, Instant now) {
        return switch (client.status()) {
            case DESTROYED -> {
                if (agent.isPresent()) {
                    runtime.destroy(client.id());
                }
                yield client;
            }
            case CREATING -> provision(client.movedTo(AgentStatus.PROVISIONING, "provisioning started", now), agent, now);
            case PENDING, ERROR -> client.retry().isDue(now)
                    ? provision(client.movedTo(AgentStatus.PROVISIONING,
                            "retrying (attempt " + (client.retry().failures() + 1) + ")", now), agent, now)
                    : client;
            case PROVISIONING -> provision(client, agent, now);
            case ACTIVE -> checkActive(client, agent, now);
        };
    }

    private Client checkActive(Client client, Optional<ObservedAgent> agent, Instant now) {
        if (agent.isEmpty()) {
            return provision(client.movedTo(AgentStatus.PROVISIONING, "agent is gone; provisioning it again", now),
                    agent, now);
        }
        ObservedAgent observed = agent.get();
        return switch (observed.state()) {
            case EXITED, UNHEALTHY -> client.movedTo(AgentStatus.ERROR, "agent " + observed.state().name().toLowerCase(Locale.ROOT)
                            + (observed.detail().isEmpty() ? "" : ": " + observed.detail()), now)
                    .withRetry(client.retry().afterFailure(now));
            case STARTING, READY -> observed.configVersion() == client.configVersion()
                    ? client
                    : provision(client.movedTo(AgentStatus.PROVISIONING, "agent runs an old configuration", now),
                            agent, now);
        };
    }

    private Client provision(Client client, Optional<ObservedAgent> agent, Instant now) {
        if (agent.isPresent() && agent.get().runs(client.configVersion()) && acknowledged(client, agent.get())) {
            return becameActive(client, now);
        }
        ObservedAgent result;
        try {
            result = runtime.ensure(new AgentSpec(client.id(), client.msp(), client.slug(), client.configVersion()));
        } catch (PortFailure failure) {
            return failed(client, failure, now);
        }
        return switch (result.state()) {
            // not acknowledged yet: the agent is still starting or has not pulled its configuration; the next pass
            // looks again
            case READY, STARTING -> acknowledged(client, result) ? becameActive(client, now) : client;
            // an agent that dies or fails its health check right after ensure is a failure, not "still starting":
            // without this a crash-looping agent stayed in provisioning forever
            case EXITED, UNHEALTHY -> failed(client, PortFailure.retryable("agent-runtime", "agent "
                    + result.state().name().toLowerCase(Locale.ROOT) + " right after start"
                    + (result.detail().isEmpty() ? "" : ": " + result.detail()), null), now);
        };
    }

    /**
     * Whether the agent the runtime shows alive with the desired version has checked in with that version since the
     * client entered its current status. The time bound rules out the check-in of an earlier agent (one that died or
     * was removed before this provisioning began) for the same version.
     */
    private boolean acknowledged(Client client, ObservedAgent agent) {
        if (agent.configVersion() != client.configVersion()) {
            return false;
        }
        Instant since = client.lastChange().at();
        return checkIns.latest(client.id())
                .filter(checkIn -> checkIn.runningConfigVersion() == client.configVersion())
                .filter(checkIn -> !checkIn.at().isBefore(since))
                .isPresent();
    }

    private static Client becameActive(Client client, Instant now) {
        return client.movedTo(AgentStatus.ACTIVE, "agent runs configuration v" + client.configVersion(), now)
                .withDeployStatus(DeployStatus.IDLE)
                .withRetry(RetrySchedule.NONE);
    }

    /** The product rule: a retryable failure is pending (retried on its own), a permanent or repeated one is error. */
    static Client failed(Client client, PortFailure failure, Instant now) {
        RetrySchedule retry = client.retry().afterFailure(now);
        String message = failure.getMessage() == null ? failure.port() + " failed" : failure.getMessage();
        if (failure.retryable() && !retry.exhausted()) {
            return client.movedTo(AgentStatus.PENDING, "cannot provision yet: " + message + " (next try in "
                    + RetrySchedule.delayAfter(retry.failures()).toSeconds() + " s)", now).withRetry(retry);
        }
        return client.movedTo(AgentStatus.ERROR, message, now)
                .withRetry(retry)
                .withDeployStatus(new DeployStatus.Failed(message));
    }
}
