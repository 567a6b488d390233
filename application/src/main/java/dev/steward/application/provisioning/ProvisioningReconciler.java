package dev.steward.application.provisioning;

import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentCheckIns.CheckIn;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.Reconciliation;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Level-triggered provisioning: compares what the store wants (clients, their status and config version) with what
 * the {@link AgentRuntime} reports, and acts to close the gap. Every step is idempotent and each client is handled
 * in its own unit of work under a claim, so a crash at any point is repaired by the next pass and several control
 * planes can run passes at once without provisioning a client twice. Statuses change only through
 * {@link Client#movedTo}; what a client needs is the domain's decision ({@link Client#reconciliation}).
 *
 * <p>A client turns {@code active} (deploy status {@code idle}) only when its agent has <b>acknowledged</b> the desired
 * configuration version: a check-in ({@link AgentCheckIns}) with that version, made since the client entered its
 * current provisioning, while the runtime shows that agent alive with that version. The runtime's own view (a
 * container that started) is not enough: only the agent knows which configuration it runs.
 *
 * <p>An agent is alive when it checks in: a running agent not heard from for longer than the limit
 * ({@link LivenessJudge}, 50 s: two heartbeats of an idle container agent and a margin) is treated as the runtime's
 * {@code UNHEALTHY} (an active client goes to error, a new agent that never checks in fails its provisioning), counting
 * no silence from before this control plane started or its store answered again, so a control-plane outage or
 * restart never marks agents unhealthy. The retry replaces such an agent: one whose loop stopped would not start again
 * on its own.
 *
 * <p>Two passes: {@link #reconcileDue()} (frequent, only clients with work pending) and {@link #reconcileAll()}
 * (less frequent, every live client plus orphans: agents whose client is gone, and duplicates: a second agent of one
 * client). Each pass asks the runtime once, then handles its clients in steps, up to {@link Parallelism} at once across
 * all passes: creating an agent takes the runtime a while, and fifty new clients must not wait for each other. When the
 * runtime could not be reached and answers again, the next full pass retries every client that was backing off at once.
 *
 * <p>{@link #reconcileDue()} and {@link #reconcileAll()} return when their steps are done (tests, embedding). The
 * provisioning loop uses {@link #startDue()}, {@link #startAll()} and {@link #start(Collection)} instead, which start
 * as many steps as there is room for and return at once: a slow engine (an image pull, a hung create) then holds only
 * its own clients' steps, and the loop goes on acknowledging check-ins and starting the other clients. A client whose
 * step is still running is not given a second one; a client left out for want of room is still due, and
 * {@link #whenRoomFrees(Runnable)} tells the loop when to look again.
 */
public final class ProvisioningReconciler {

    /**
     * How many clients are handled at once ({@code STEWARD_RECONCILE_PARALLELISM}). Each step holds its claim (a
     * database connection) while the runtime creates its agent, so this stays below the connection pool (20), leaving
     * connections for requests, check-ins and the passes' own reads.
     */
    public record Parallelism(int steps) {
        public static final int MAX = 16;
        public static final Parallelism DEFAULT = new Parallelism(12);

        public Parallelism {
            if (steps < 1 || steps > MAX) {
                throw new IllegalArgumentException("reconcile parallelism must be between 1 and " + MAX
                        + " (each step holds one of the 20 database connections; got " + steps + ")");
            }
        }
    }

    private static final System.Logger LOG = System.getLogger(ProvisioningReconciler.class.getName());
    private static final int BATCH = 200;
    /** How a rollout of a new agent image starts its history entry (one client at a time carries it). */
    static final String ROLLOUT = "rolling out a new agent image";

    private final ClientRepository clients;
    private final AgentRuntime runtime;
    private final AgentCheckIns checkIns;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final MetricsRecorder metrics;
    private final Steps steps;
    private final LivenessJudge liveness;
    /** Set when an observation failed; the next full pass that observes the runtime cuts back-offs short. */
    private volatile boolean runtimeWasAway;

    /** A reconciler with a liveness judge of its own, listening from now (embedding, tests). */
    public ProvisioningReconciler(ClientRepository clients, AgentRuntime runtime, AgentCheckIns checkIns,
                                  UnitOfWork unitOfWork, Clock clock, MetricsRecorder metrics) {
        this(clients, runtime, checkIns, unitOfWork, clock, metrics, Parallelism.DEFAULT);
    }

    /** A reconciler with a liveness judge of its own, listening from now (embedding, tests). */
    public ProvisioningReconciler(ClientRepository clients, AgentRuntime runtime, AgentCheckIns checkIns,
                                  UnitOfWork unitOfWork, Clock clock, MetricsRecorder metrics,
                                  Parallelism parallelism) {
        this(clients, runtime, checkIns, unitOfWork, clock, metrics, parallelism, new LivenessJudge(clock));
    }

    @Inject
    public ProvisioningReconciler(ClientRepository clients, AgentRuntime runtime, AgentCheckIns checkIns,
                                  UnitOfWork unitOfWork, Clock clock, MetricsRecorder metrics,
                                  Parallelism parallelism, LivenessJudge liveness) {
        this.clients = clients;
        this.runtime = runtime;
        this.checkIns = checkIns;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.metrics = metrics;
        this.steps = new Steps(parallelism.steps());
        this.liveness = liveness;
    }

    /** Handles the clients that have work pending now and returns when done. @return how many clients were changed */
    public int reconcileDue() {
        return due(true);
    }

    /**
     * Starts steps for the clients that have work pending now, as many as there is room for, and returns without
     * waiting for them. @return how many steps it started
     */
    public int startDue() {
        return due(false);
    }

    /**
     * Starts steps for these clients now (those still due when claimed), as many as there is room for, without waiting
     * for them: a client just created, an agent that just acknowledged its configuration. Each step asks the runtime
     * about its own client only. @return how many steps it started
     */
    public int start(Collection<ClientId> hinted) {
        return steps.run(hinted.stream().distinct().map(id -> step(id, Map.of(), false,
                claimed -> claimed.isDueForReconciliation(clock.instant()))).toList(), false);
    }

    /** {@code action} runs when a step ends after a pass had to leave a due client out for want of room. */
    public void whenRoomFrees(Runnable action) {
        steps.whenRoomFrees = action;
    }

    /** Waits (up to {@code atMost}) for the steps still running, e.g. before the store closes. @return whether all ended */
    public boolean awaitSteps(Duration atMost) {
        return steps.awaitIdle(atMost);
    }

    private int due(boolean wait) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<ClientId> due = fromStore(() -> clients.dueForReconciliation(now, BATCH));
        if (due.isEmpty()) {
            return 0;
        }
        Map<ClientId, List<ObservedAgent>> observed = observe().orElse(Map.of());
        // Skip a client that is no longer due once claimed: another pass (or instance) finished it after this pass
        // observed the runtime, and acting on that older observation would undo its work.
        int result = steps.run(due.stream().map(id -> step(id, observed, false,
                claimed -> claimed.isDueForReconciliation(clock.instant()))).toList(), wait);
        metrics.reconcilePass(MetricsRecorder.Pass.DUE, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    /**
     * Checks every live client against the runtime (dead, missing or duplicated agents, unacknowledged configuration)
     * and removes agents that no live client owns, and returns when done. @return how many clients were changed
     */
    public int reconcileAll() {
        return all(true);
    }

    /**
     * The full pass of {@link #reconcileAll()}, but its clients' steps are started (as many as there is room for) and
     * not waited for; a rollout's step and orphan removal still run before it returns. @return steps started, plus one
     * for a rollout begun
     */
    public int startAll() {
        return all(false);
    }

    private int all(boolean wait) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        // Every live client is read before the runtime is observed, so that (with the version check at the claim)
        // each is judged against an observation newer than the state it is judged in, and the runtime is asked once
        // per pass however many clients there are. The pass holds the live clients in memory meanwhile (well under a
        // kilobyte each). A blind pass still provisions (ensure fails the same way and moves clients to pending) but
        // never removes anything as an orphan.
        List<Client> live = new ArrayList<>();
        Optional<ClientId> after = Optional.empty();
        while (true) {
            Optional<ClientId> from = after;
            List<Client> page = fromStore(() -> clients.listLive(from, BATCH));
            live.addAll(page);
            if (page.size() < BATCH) {
                break;
            }
            after = Optional.of(page.getLast().id());
        }
        countForMetrics(live);
        boolean wasAway = runtimeWasAway;
        Optional<Map<ClientId, List<ObservedAgent>>> observation = observe();
        boolean answersAgain = wasAway && observation.isPresent();
        if (answersAgain) {
            runtimeWasAway = false;
            LOG.log(Level.INFO, "the agent runtime answers again: retrying every client that was waiting for it");
        }
        Map<ClientId, List<ObservedAgent>> observed = observation.orElse(Map.of());
        Map<ClientId, CheckIn> heard = checkIns.latest(live.stream().map(Client::id).filter(observed::containsKey)
                .toList());
        Set<ClientId> liveIds = new HashSet<>();
        List<Step> work = new ArrayList<>();
        for (Client client : live) {
            liveIds.add(client.id());
            List<ObservedAgent> agents = judged(client, observed.getOrDefault(client.id(), List.of()),
                    Optional.ofNullable(heard.get(client.id())), false);
            if (needsWork(client, client.reconciliation(now, answersAgain), agents)) {
                // only the state read before the observation is judged against it
                work.add(step(client.id(), observed, answersAgain, claimed -> claimed.version() == client.version()));
            }
        }
        int changed = steps.run(work, wait);
        changed += rollOutNewImage(live, observed);
        for (Map.Entry<ClientId, List<ObservedAgent>> orphan : observation.orElse(Map.of()).entrySet()) {
            if (!liveIds.contains(orphan.getKey())) {
                try {
                    removeOrphan(orphan.getKey());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, () -> "orphan agent of client " + orphan.getKey()
                            + " not removed yet; the next full pass tries again", e);
                }
            }
        }
        metrics.reconcilePass(MetricsRecorder.Pass.FULL, Duration.ofNanos(System.nanoTime() - started));
        return changed;
    }

    /** The full pass reads every live client anyway: it counts them for the metrics at no extra cost. */
    private void countForMetrics(List<Client> live) {
        Map<AgentStatus, Long> byStatus = new EnumMap<>(AgentStatus.class);
        Map<String, Long> byDeployStatus = new HashMap<>(Map.of("idle", 0L, "deploying", 0L, "error", 0L));
        for (Client client : live) {
            byStatus.merge(client.status(), 1L, Long::sum);
            byDeployStatus.merge(client.deployStatus().label(), 1L, Long::sum);
        }
        metrics.clients(byStatus, byDeployStatus);
    }

    /**
     * A new agent image (the operator changed it) reaches every agent <b>one at a time</b>: while one client is being
     * rolled out, the others keep their running agent; the next starts once that one is active again (or failed, so a
     * broken image stops at the first agent). Its deploy status shows it. @return 1 if one started
     */
    private int rollOutNewImage(List<Client> live, Map<ClientId, List<ObservedAgent>> observed) {
        boolean busy = live.stream().anyMatch(client -> client.status() == AgentStatus.PROVISIONING
                && client.lastChange().reason().startsWith(ROLLOUT));
        if (busy) {
            return 0;
        }
        for (Client client : live) {
            List<ObservedAgent> agents = observed.getOrDefault(client.id(), List.of());
            if (client.status() == AgentStatus.ACTIVE && agents.size() == 1 && agents.getFirst().staleImage()
                    && agents.getFirst().runs(client.configVersion())) {
                return reconcile(client.id(), agents, claimed -> claimed.version() == client.version(),
                        (claimed, current) -> provision(claimed.movedTo(AgentStatus.PROVISIONING,
                                ROLLOUT + " (one agent at a time)", clock.instant()), current)) ? 1 : 0;
            }
        }
        return 0;
    }

    /**
     * Reads from the store; a failure tells the liveness judge that check-ins could not be recorded meanwhile (the
     * store was away), so that silence from before it answers again is not held against any agent.
     */
    private <T> T fromStore(Supplier<T> read) {
        T result;
        try {
            result = read.get();
        } catch (RuntimeException e) {
            liveness.storeAway();
            throw e;
        }
        liveness.storeAnswered();
        return result;
    }

    /**
     * The client's agents as their check-ins show them ({@link LivenessJudge#judge}). {@code strict}: judge the agent
     * as it is now, without the time since the client's last status change excused (a retry, which replaces an agent
     * still silent since it failed).
     */
    private List<ObservedAgent> judged(Client client, List<ObservedAgent> agents, Optional<CheckIn> latest,
                                       boolean strict) {
        if (agents.stream().noneMatch(agent -> agent.state() == ObservedAgent.State.READY)) {
            return agents;
        }
        Optional<Instant> excused = strict ? Optional.empty() : Optional.of(client.lastChange().at());
        return agents.stream().map(agent -> liveness.judge(agent, latest, excused)).toList();
    }

    private List<ObservedAgent> judged(Client client, List<ObservedAgent> agents, boolean strict) {
        if (agents.stream().noneMatch(agent -> agent.state() == ObservedAgent.State.READY)) {
            return agents;
        }
        return judged(client, agents, checkIns.latest(client.id()), strict);
    }

    /** What the runtime holds, by client (more than one agent for a client is a duplicate); empty when unreachable. */
    private Optional<Map<ClientId, List<ObservedAgent>>> observe() {
        Map<ClientId, List<ObservedAgent>> byClient = new HashMap<>();
        try {
            for (ObservedAgent agent : runtime.observe()) {
                byClient.computeIfAbsent(agent.client(), c -> new ArrayList<>()).add(agent);
            }
            return Optional.of(byClient);
        } catch (PortFailure e) {
            runtimeWasAway = true;
            LOG.log(Level.WARNING, "agent runtime not observable: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private void removeOrphan(ClientId client) {
        // Re-check: the client may have been created since the page was read.
        boolean orphan = unitOfWork.inTransaction(() -> clients.find(client).map(Client::isDestroyed).orElse(true));
        if (orphan) {
            LOG.log(Level.INFO, "removing orphan agent of client {0}", client);
            runtime.destroy(client);
        }
    }

    /** One client's step, to run on its own thread; true when it changed the client. */
    private record Step(ClientId client, BooleanSupplier work) {}

    /**
     * The steps running now, at most {@code room} at once across all passes, and never two for one client. A pass that
     * waits takes its turn for room; one that does not leaves out what finds none (still due, so a later pass starts
     * it) and is told when room frees.
     */
    private static final class Steps {
        private final int room;
        private final Semaphore free;
        private final Set<ClientId> running = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean someLeftOut = new AtomicBoolean();
        private volatile Runnable whenRoomFrees = () -> { };

        Steps(int room) {
            this.room = room;
            this.free = new Semaphore(room);
        }

        /** @return with {@code wait}: how many clients changed; without: how many steps started */
        int run(List<Step> steps, boolean wait) {
            if (wait && steps.size() == 1) { // on the caller's thread
                Step only = steps.getFirst();
                if (take(only, true) != Taken.ROOM) {
                    return 0;
                }
                boolean changed = false;
                try {
                    changed = only.work().getAsBoolean();
                } finally {
                    finish(only);
                }
                return changed ? 1 : 0;
            }
            List<CompletableFuture<Boolean>> started = new ArrayList<>();
            for (Step step : steps) {
                Taken taken = take(step, wait);
                if (taken == Taken.NO_ROOM) {
                    someLeftOut.set(true);
                    break; // the rest are still due: a later pass starts them
                }
                if (taken == Taken.ROOM) {
                    started.add(startThread(step));
                }
            }
            if (!wait) {
                return started.size();
            }
            return (int) started.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
        }

        private CompletableFuture<Boolean> startThread(Step step) {
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            Thread.ofVirtual().name("steward-reconcile-" + step.client()).start(() -> {
                boolean changed = false;
                try {
                    changed = step.work().getAsBoolean();
                } finally {
                    finish(step);
                    result.complete(changed);
                }
            });
            return result;
        }

        private enum Taken { ROOM, BUSY, NO_ROOM }

        /** Takes room for the step (waiting for it, or not), unless its client has a step running already. */
        private Taken take(Step step, boolean wait) {
            if (!running.add(step.client())) {
                return Taken.BUSY; // a step of an earlier pass is on it
            }
            if (wait ? acquire() : free.tryAcquire()) {
                return Taken.ROOM;
            }
            running.remove(step.client());
            return Taken.NO_ROOM;
        }

        private boolean acquire() {
            try {
                free.acquire();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void finish(Step step) {
            running.remove(step.client());
            free.release();
            if (someLeftOut.getAndSet(false)) {
                whenRoomFrees.run();
            }
        }

        boolean awaitIdle(Duration atMost) {
            try {
                if (free.tryAcquire(room, atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                    free.release(room);
                    return true;
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * One client's step, isolated from the rest of the pass: an unexpected failure (a lost optimistic race, a runtime
     * adapter bug) is logged and left to the next pass instead of starving every client queued behind this one.
     */
    private Step step(ClientId id, Map<ClientId, List<ObservedAgent>> observed, boolean runtimeAnswersAgain,
                      Predicate<Client> stillWanted) {
        return new Step(id, () -> reconcile(id, observed.getOrDefault(id, List.of()), stillWanted, (claimed, agents) -> {
            Reconciliation decision = claimed.reconciliation(clock.instant(), runtimeAnswersAgain);
            return step(claimed, decision, judged(claimed, agents, decision instanceof Reconciliation.Retry));
        }));
    }

    /**
     * Applies {@code change} to the claimed client, isolated from the rest of the pass: an unexpected failure (a lost
     * optimistic race, a runtime adapter bug) is logged and left to the next pass instead of starving every client
     * queued behind this one. @return whether the client changed
     */
    private boolean reconcile(ClientId id, List<ObservedAgent> agents, Predicate<Client> stillWanted,
                              BiFunction<Client, List<ObservedAgent>, Client> change) {
        try {
            return claimAndChange(id, agents, stillWanted, change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "reconciling client " + id + " failed; the next pass tries again", e);
            return false;
        }
    }

    private boolean claimAndChange(ClientId id, List<ObservedAgent> agents, Predicate<Client> stillWanted,
                                   BiFunction<Client, List<ObservedAgent>, Client> change) {
        return unitOfWork.inTransaction(() -> {
            Optional<Client> claimed = clients.claim(id);
            if (claimed.isEmpty()) {
                return false; // another instance is on it
            }
            Client before = claimed.get();
            if (!stillWanted.test(before)) {
                return false;
            }
            Client after = change.apply(before, agents);
            if (after.equals(before)) {
                return false;
            }
            clients.update(after);
            return true;
        });
    }

    /**
     * Whether a live client has work, on top of the domain's decision: an active client whose agent is missing,
     * duplicated or does not run its configuration (cheap, no claim).
     */
    static boolean needsWork(Client client, Reconciliation decision, List<ObservedAgent> agents) {
        if (decision.isDue()) {
            return true;
        }
        return switch (client.status()) {
            case ACTIVE -> agents.size() != 1 || !agents.getFirst().runs(client.configVersion())
                    || restartedSince(client, agents.getFirst());
            case DESTROYED -> !agents.isEmpty();
            case CREATING, PROVISIONING, PENDING, ERROR -> false;
        };
    }

    /** Whether the runtime replaced the client's agent on its own since the client's last status change. */
    static boolean restartedSince(Client client, ObservedAgent agent) {
        return agent.lastRestart().filter(restart -> restart.at().isAfter(client.lastChange().at())).isPresent();
    }

    /** One step towards the desired state. Pure except for runtime calls, which are idempotent. */
    Client step(Client client, Reconciliation decision, List<ObservedAgent> agents) {
        return switch (decision) {
            case Reconciliation.Start start -> provision(
                    client.movedTo(AgentStatus.PROVISIONING, "provisioning started", clock.instant()), agents);
            case Reconciliation.Continue proceed -> provision(client, agents);
            case Reconciliation.Retry retry -> {
                Client retrying = client.movedTo(AgentStatus.PROVISIONING, "retrying (attempt " + retry.attempt() + ")"
                        + (retry.why().equals("retrying") ? "" : ": " + retry.why()), clock.instant());
                try {
                    yield provision(retrying, withoutUnhealthyAgent(client, agents));
                } catch (PortFailure failure) {
                    yield failed(retrying, failure, clock.instant());
                }
            }
            case Reconciliation.Wait wait -> client;
            case Reconciliation.Watch watch -> {
                if (client.isDestroyed()) {
                    if (!agents.isEmpty()) {
                        runtime.destroy(client.id());
                    }
                    yield client;
                }
                yield checkActive(client, agents);
            }
        };
    }

    private Client checkActive(Client client, List<ObservedAgent> agents) {
        if (agents.isEmpty()) {
            return provision(client.movedTo(AgentStatus.PROVISIONING, "agent is gone; provisioning it again",
                    clock.instant()), agents);
        }
        ObservedAgent observed = agents.getFirst();
        if (agents.size() > 1) {
            // a second agent with this client's labels (made by hand, or left by a crash): ensure keeps one
            LOG.log(Level.WARNING, "client {0} has {1} agents; keeping one", client.slug(), agents.size());
            try {
                observed = runtime.ensure(spec(client));
            } catch (PortFailure e) {
                LOG.log(Level.WARNING, "duplicate agents of {0} not removed yet: {1}", client.slug(), e.getMessage());
                return client;
            }
        }
        return switch (observed.state()) {
            case EXITED, UNHEALTHY -> client.movedTo(AgentStatus.ERROR, "agent "
                            + observed.state().name().toLowerCase(Locale.ROOT)
                            + (observed.detail().isEmpty() ? "" : ": " + observed.detail()), clock.instant())
                    .withRetry(client.retry().afterFailure(clock.instant()));
            case STARTING, READY -> {
                if (observed.configVersion() != client.configVersion()) {
                    yield provision(client.movedTo(AgentStatus.PROVISIONING, "agent runs an old configuration",
                            clock.instant()), List.of(observed));
                }
                // The engine replaced a dead agent on its own: history says so, and the client stays out of active
                // until the new agent has checked in.
                ObservedAgent current = observed;
                yield current.lastRestart().filter(restart -> restartedSince(client, current))
                        .map(restart -> provision(client.movedTo(AgentStatus.PROVISIONING,
                                "restarted by the engine: " + restart.cause(), clock.instant()), List.of(current)))
                        .orElse(client);
            }
        };
    }

    /**
     * Removes the client's one agent when it is unhealthy (silent, frozen, failing a health check): the runtime's
     * {@code ensure} keeps a running agent, and one whose loop stopped would stay as it is. It was kept until now so
     * that its logs could be read in the diagnostics while the client waited for its retry.
     */
    private List<ObservedAgent> withoutUnhealthyAgent(Client client, List<ObservedAgent> agents) {
        if (agents.size() != 1 || agents.getFirst().state() != ObservedAgent.State.UNHEALTHY) {
            return agents;
        }
        LOG.log(Level.INFO, "replacing the unhealthy agent of {0} ({1})", client.slug(), agents.getFirst().detail());
        runtime.destroy(client.id());
        return List.of();
    }

    private Client provision(Client client, List<ObservedAgent> agents) {
        if (agents.size() == 1 && startedFor(client, agents.getFirst()) && !startingTooLong(client, agents.getFirst())) {
            // The pass's observation already shows this configuration's agent starting or running: asking the runtime
            // again (ensure: a lookup and an inspect) would only repeat it, for every client being provisioned at every
            // pass. Its acknowledgement is what is missing, and its check-in wakes the loop when it comes.
            return acknowledged(client, agents.getFirst()) ? becameActive(client) : client;
        }
        ObservedAgent result;
        try {
            result = runtime.ensure(spec(client));
        } catch (PortFailure failure) {
            return failed(client, failure, clock.instant());
        }
        result = judged(client, List.of(result), false).getFirst();
        return switch (result.state()) {
            // not acknowledged yet: the agent is still starting or has not pulled its configuration; the next pass
            // looks again
            case READY, STARTING -> acknowledged(client, result) ? becameActive(client) : client;
            // an agent that dies, freezes or never checks in after ensure is a failure, not "still starting": without
            // this a crash-looping (or silent) agent stayed in provisioning forever
            case EXITED, UNHEALTHY -> failed(client, PortFailure.retryable("agent-runtime", "agent "
                    + result.state().name().toLowerCase(Locale.ROOT) + " right after start"
                    + (result.detail().isEmpty() ? "" : ": " + result.detail()), null), clock.instant());
        };
    }

    /**
     * Whether an agent has been reported starting for longer than the liveness limit since the client's provisioning
     * began: then the runtime is asked again (ensure), which replaces what never got going, e.g. a container a killed
     * control plane created and never started (the engine reports it {@code created}, which is starting, for ever).
     * A running agent is judged by its check-ins instead ({@link LivenessJudge}).
     */
    private boolean startingTooLong(Client client, ObservedAgent agent) {
        return agent.state() == ObservedAgent.State.STARTING && Duration.between(client.lastChange().at(),
                clock.instant()).compareTo(liveness.liveness().limit()) > 0;
    }

    /** Whether the agent is alive, on the current image, and was created for the client's configuration version. */
    private static boolean startedFor(Client client, ObservedAgent agent) {
        return (agent.state() == ObservedAgent.State.READY || agent.state() == ObservedAgent.State.STARTING)
                && agent.configVersion() == client.configVersion() && !agent.staleImage();
    }

    private static AgentSpec spec(Client client) {
        return new AgentSpec(client.id(), client.msp(), client.slug(), client.configVersion());
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

    /** Recorded at the moment the acknowledgement is seen (after the runtime call), not when the pass began. */
    private Client becameActive(Client client) {
        metrics.agentProvisioned(Duration.between(client.lastChange().at(), clock.instant()));
        return client.movedTo(AgentStatus.ACTIVE, "agent runs configuration v" + client.configVersion(),
                        clock.instant())
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
        return client.movedTo(AgentStatus.ERROR, message, now).withRetry(retry);
    }
}
