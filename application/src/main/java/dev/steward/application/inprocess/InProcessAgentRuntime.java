package dev.steward.application.inprocess;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.AgentWorker;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentPlacements;
import dev.steward.application.inmemory.InMemoryInstanceRegistry;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.lifecycle.InstancePresence;
import dev.steward.application.lifecycle.Lifecycle;
import dev.steward.application.lifecycle.PeriodicTask;
import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentCheckIns.CheckIn;
import dev.steward.application.port.runtime.AgentPlacements;
import dev.steward.application.port.runtime.AgentPlacements.Placement;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.InstanceId;
import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.Health;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import dev.steward.domain.diagnostics.Diagnostics.LogLine;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default runtime: each client's agent is an {@link AgentWorker} — the same code a container runs — on a
 * virtual thread of the control plane, reaching the control plane through a {@link Connector} (in production an
 * {@link InProcessControlPlane}: the agent API's use cases, called directly, with the agent's own token). It starts at
 * once, takes a new configuration without a restart, keeps its own log (what its worker says), and can be crashed
 * from outside for fault tests. It checks in when it starts and when it is handed a new configuration version, before
 * {@link #ensure} returns, and then on every heartbeat: that acknowledgement is what makes the reconciler call it
 * active. {@code maxAgents} models capacity: beyond it {@link #ensure} fails as retryable, as an engine out of room
 * would. An agent the control plane refuses (its token was revoked) stops and is reported exited.
 *
 * <p><b>Several control planes on one store.</b> Each client's agent runs on exactly one live instance, the one its
 * {@link AgentPlacements placement} names; every instance sees every placement, so no instance mistakes another's
 * agent for a missing one. {@link #ensure} places a new agent on the instance that asks (under the placement's lock)
 * and only updates the version of one running on another live instance. Every {@link InstancePresence#BEAT} each
 * instance's supervisor takes over the placements of instances that stopped heartbeating, starts what is placed on it
 * and stops what no longer is; an instance that cannot reach the store for {@link InstancePresence#TRUST} stops its
 * agents before the others may take them over (see {@link InstancePresence}). An agent whose instance died is
 * reported {@code STARTING} until it runs again elsewhere, so its client does not churn through provisioning.
 */
public final class InProcessAgentRuntime implements AgentRuntime, Lifecycle, AutoCloseable {

    public static final String IMAGE = "in-process";
    private static final System.Logger LOG = System.getLogger(InProcessAgentRuntime.class.getName());
    private static final int LOG_LINES = 500;
    /** Orphans one supervisor turn takes over at most, so that several surviving instances share them. */
    private static final int TAKE_OVER_BATCH = 50;

    /** How an in-process agent reaches the control plane (a new connection, with a new token, per agent started). */
    @FunctionalInterface
    public interface Connector {
        ControlPlane connect(AgentSpec spec);
    }

    private final Clock clock;
    private final Connector connector;
    private final AgentReasoning reasoning;
    private final AgentWorker.Timing timing;
    private final AgentCheckIns checkIns;
    private final AgentPlacements placements;
    private final InstanceRegistry instances;
    private final InstancePresence presence;
    private final UnitOfWork unitOfWork;
    private final MetricsRecorder metrics;
    private final int maxAgents;
    private final Map<ClientId, Agent> agents = new ConcurrentHashMap<>();
    private final PeriodicTask supervisor;

    /** The agents of control planes sharing one store. */
    public record Shared(AgentCheckIns checkIns, AgentPlacements placements, InstanceRegistry instances,
                         InstancePresence presence, UnitOfWork unitOfWork, MetricsRecorder metrics) {}

    public InProcessAgentRuntime(Clock clock, Connector connector, AgentReasoning reasoning, Shared shared) {
        this(clock, connector, reasoning, AgentWorker.Timing.DEFAULT, 10_000, shared);
    }

    public InProcessAgentRuntime(Clock clock, Connector connector, AgentReasoning reasoning, AgentWorker.Timing timing,
                                 int maxAgents, Shared shared) {
        this.clock = clock;
        this.connector = connector;
        this.reasoning = reasoning;
        this.timing = timing;
        this.checkIns = shared.checkIns();
        this.placements = shared.placements();
        this.instances = shared.instances();
        this.presence = shared.presence();
        this.unitOfWork = shared.unitOfWork();
        this.metrics = shared.metrics();
        this.maxAgents = maxAgents;
        this.supervisor = PeriodicTask.every("steward-agent-supervisor", InstancePresence.BEAT, this::supervise);
    }

    /** A runtime of one control plane alone (embedding, tests): its placements live in memory with it. */
    public InProcessAgentRuntime(Clock clock, Connector connector, AgentReasoning reasoning) {
        this(clock, connector, reasoning, AgentWorker.Timing.DEFAULT, 10_000);
    }

    public InProcessAgentRuntime(Clock clock, Connector connector, AgentReasoning reasoning, AgentWorker.Timing timing,
                                 int maxAgents) {
        this(clock, connector, reasoning, timing, maxAgents, alone(clock));
    }

    /** The in-memory placement store of a runtime that is alone (no other instance, so no other's check-ins). */
    private static Shared alone(Clock clock) {
        InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
        InMemoryInstanceRegistry instances = new InMemoryInstanceRegistry(clock);
        return new Shared(new InMemoryAgentCheckIns(), new InMemoryAgentPlacements(unitOfWork, instances), instances,
                new InstancePresence(instances), unitOfWork, new InMemoryMetricsRecorder());
    }

    /** This control plane's instance, on which it starts the agents it places. */
    public InstanceId instance() {
        return presence.id();
    }

    @Override
    public ObservedAgent ensure(AgentSpec spec) {
        return unitOfWork.inTransaction(() -> {
            Optional<Placement> found = placements.find(spec.client());
            InstanceId me = presence.id();
            if (found.isPresent() && !found.get().exited() && !found.get().instance().equals(me)
                    && live().contains(found.get().instance())) {
                Placement there = found.get();
                if (there.configVersion() != spec.configVersion()) {
                    there = there.withVersion(spec.configVersion());
                    placements.save(there); // its instance's supervisor hands it over within a beat
                }
                return observed(there, live());
            }
            Placement here = found.filter(p -> p.instance().equals(me) && !p.exited())
                    .map(p -> p.withVersion(spec.configVersion()))
                    .orElseGet(() -> Placement.running(spec.client(), spec.msp(), spec.slug(), me,
                            spec.configVersion()));
            placements.save(here);
            return runHere(spec).observed();
        });
    }

    /** Starts the agent in this process, or hands the one running here its version. */
    private synchronized Agent runHere(AgentSpec spec) {
        Agent agent = agents.get(spec.client());
        if (agent == null || !agent.alive()) {
            long running = agents.values().stream().filter(Agent::alive).count();
            if (running >= maxAgents) {
                throw PortFailure.retryable("agent-runtime", "capacity exhausted: " + running + " of " + maxAgents
                        + " in-process agents running", null);
            }
            if (agent != null) {
                agent.stop();
            }
            agent = new Agent(spec);
            agents.put(spec.client(), agent);
            agent.start();
        } else if (agent.configVersion != spec.configVersion()) {
            agent.reconfigure(spec.configVersion());
        }
        return agent;
    }

    @Override
    public List<ObservedAgent> observe() {
        Set<InstanceId> live = live();
        return placements.all().stream().map(placement -> observed(placement, live)).toList();
    }

    private ObservedAgent observed(Placement placement, Set<InstanceId> live) {
        if (placement.exited()) {
            return new ObservedAgent(placement.client(), placement.msp(), placement.configVersion(),
                    ObservedAgent.State.EXITED, 0, placement.detail());
        }
        if (placement.instance().equals(presence.id())) {
            Agent agent = agents.get(placement.client());
            return agent != null ? agent.observed() : new ObservedAgent(placement.client(), placement.msp(),
                    placement.configVersion(), ObservedAgent.State.STARTING, 0, "starting on this instance");
        }
        return live.contains(placement.instance())
                ? new ObservedAgent(placement.client(), placement.msp(), placement.configVersion(),
                        ObservedAgent.State.READY, 0, "runs on control-plane instance " + placement.instance())
                : new ObservedAgent(placement.client(), placement.msp(), placement.configVersion(),
                        ObservedAgent.State.STARTING, 0, "its control-plane instance stopped; another one takes it"
                                + " over");
    }

    @Override
    public void destroy(ClientId client) {
        unitOfWork.run(() -> placements.remove(client));
        stopHere(client);
    }

    private synchronized void stopHere(ClientId client) {
        Agent agent = agents.remove(client);
        if (agent != null) {
            agent.stop();
        }
    }

    @Override
    public Diagnostics diagnose(ClientId client, int tailLines, Optional<Instant> since) {
        Agent agent = agents.get(client);
        if (agent != null) {
            return new Diagnostics(agent.health(), agent.logs(tailLines, since), Optional.empty());
        }
        Optional<Placement> elsewhere = placements.find(client).filter(p -> !p.exited());
        if (elsewhere.isEmpty()) {
            return new Diagnostics(Health.absent(), List.of(), Optional.empty());
        }
        Placement there = elsewhere.get();
        boolean running = live().contains(there.instance());
        Health health = new Health(running, running ? HealthState.HEALTHY : HealthState.NOT_RUNNING, 0,
                Optional.empty(), Optional.empty(), IMAGE, checkIns.latest(client).map(CheckIn::at));
        return new Diagnostics(health, List.of(new LogLine(clock.instant(), "this agent runs on control-plane"
                + " instance " + there.instance() + "; its log is kept by that instance")), Optional.empty());
    }

    /**
     * Makes the agent die as a crashed process would, mid-work or not (for fault tests and demos); every instance
     * sees it exited.
     */
    public void crash(ClientId client, int exitCode) {
        Agent agent = agents.get(client);
        if (agent != null) {
            agent.crash(exitCode);
            unitOfWork.run(() -> placements.find(client).filter(p -> p.instance().equals(presence.id()))
                    .ifPresent(p -> placements.save(p.exitedWith(exitCode, "exited with code " + exitCode))));
        }
    }

    /** How many agents run in this process (a metric, and for tests). */
    public int runningHere() {
        return (int) agents.values().stream().filter(Agent::alive).count();
    }

    private Set<InstanceId> live() {
        Set<InstanceId> live = new HashSet<>(instances.live(InstancePresence.LIVE_WITHIN));
        live.add(presence.id());
        return live;
    }

    /**
     * One supervisor turn: stop everything when this instance cannot vouch for itself; otherwise take over orphans,
     * then make the agents in this process match the placements on this instance.
     */
    private void supervise() {
        if (!presence.trusted()) {
            if (runningHere() > 0) {
                LOG.log(Level.WARNING, "instance {0} lost the store for {1} s: stopping its {2} agent(s) so that"
                        + " another instance can take them over", presence.id(), InstancePresence.TRUST.toSeconds(),
                        runningHere());
                stopAllHere();
            }
            metrics.agentsRunningHere(0);
            return;
        }
        // an agent an ensure starts while this turn runs may be placed by a transaction this turn cannot see yet
        long turnStarted = System.nanoTime();
        List<Placement> taken = placements.takeOver(presence.id(), InstancePresence.LIVE_WITHIN, TAKE_OVER_BATCH);
        if (!taken.isEmpty()) {
            LOG.log(Level.INFO, "instance {0} took over {1} agent(s) of stopped instances", presence.id(),
                    taken.size());
        }
        Set<ClientId> placedHere = new HashSet<>();
        for (Placement placement : placements.on(presence.id())) {
            if (placement.exited()) {
                continue;
            }
            placedHere.add(placement.client());
            try {
                runHere(new AgentSpec(placement.client(), placement.msp(), placement.slug(),
                        placement.configVersion()));
            } catch (PortFailure e) {
                LOG.log(Level.WARNING, "agent of {0} not started here: {1}", placement.slug(), e.getMessage());
            }
        }
        for (Map.Entry<ClientId, Agent> running : new ArrayList<>(agents.entrySet())) {
            if (!placedHere.contains(running.getKey()) && running.getValue().startedBefore(turnStarted)) {
                stopHere(running.getKey()); // removed, moved to another instance, or its placement rolled back
            }
        }
        metrics.agentsRunningHere(runningHere());
    }

    private synchronized void stopAllHere() {
        agents.values().forEach(Agent::stop);
        agents.clear();
    }

    @Override
    public Phase phase() {
        return Phase.AGENTS;
    }

    /** Starts the supervisor (its first turn takes over orphans and restarts what is placed here). */
    @Override
    public void start() {
        supervisor.start();
    }

    /** Stops every agent of this process (a shutdown, not a removal: their placements stay until taken over). */
    @Override
    public void stop() {
        close();
    }

    /** The worker of the client's agent, for tests that drive it by hand. */
    public Optional<AgentWorker> worker(ClientId client) {
        return Optional.ofNullable(agents.get(client)).filter(Agent::alive).map(agent -> agent.worker);
    }

    @Override
    public void close() {
        supervisor.close();
        stopAllHere();
    }

    private final class Agent {
        private final AgentSpec spec;
        private final Deque<LogLine> log = new ArrayDeque<>();
        private final AgentWorker worker;
        private volatile long configVersion;
        private volatile Instant startedAt;
        private volatile Instant lastTurn;
        private volatile Integer exitCode;
        private final long createdNanos = System.nanoTime();
        private Thread thread;

        Agent(AgentSpec spec) {
            this.spec = spec;
            this.configVersion = spec.configVersion();
            this.worker = new AgentWorker(connector.connect(spec), reasoning, timing,
                    () -> lastTurn = clock.instant(), this::log);
        }

        void start() {
            startedAt = clock.instant();
            lastTurn = startedAt;
            log("agent for " + spec.slug() + " started with configuration v" + configVersion);
            beat();
            thread = Thread.ofVirtual().name("agent-" + spec.slug()).start(this::run);
        }

        private void run() {
            try {
                if (!worker.run() && exitCode == null) {
                    refused();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Checks in now rather than at the next heartbeat; a control plane that cannot answer yet is retried. */
        private void beat() {
            try {
                worker.beatOnce();
            } catch (PortFailure e) {
                if (ControlPlane.REFUSED.equals(e.port())) {
                    log("the control plane refused this agent (" + e.getMessage() + ")");
                    worker.close();
                    refused();
                }
            }
        }

        void reconfigure(long version) {
            configVersion = version;
            log("configuration v" + version + " ensured; it applies from the next request");
            beat();
        }

        boolean alive() {
            return exitCode == null;
        }

        /** Its token was revoked or replaced: it exits, and its placement says so, so no supervisor restarts it. */
        private void refused() {
            exitCode = 1;
            try {
                unitOfWork.run(() -> placements.find(spec.client())
                        .filter(p -> p.instance().equals(presence.id()) && !p.exited())
                        .ifPresent(p -> placements.save(p.exitedWith(1, "refused by the control plane"))));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the exit of the agent of {0} is not recorded yet: {1}", spec.slug(),
                        e.getMessage());
            }
        }

        boolean startedBefore(long nanos) {
            return createdNanos - nanos < 0;
        }

        void crash(int code) {
            log("agent exited with code " + code);
            exitCode = code;
            halt();
        }

        void stop() {
            if (exitCode == null) {
                log("agent stopped");
                exitCode = 0;
            }
            halt();
        }

        private void halt() {
            worker.close();
            if (thread != null) {
                thread.interrupt();
            }
        }

        ObservedAgent observed() {
            Integer code = exitCode;
            if (code != null) {
                return new ObservedAgent(spec.client(), spec.msp(), configVersion, ObservedAgent.State.EXITED, 0,
                        "exited with code " + code);
            }
            return new ObservedAgent(spec.client(), spec.msp(), configVersion, ObservedAgent.State.READY, 0, "",
                    Optional.empty(), false, Optional.ofNullable(startedAt));
        }

        Health health() {
            Integer code = exitCode;
            boolean running = code == null;
            return new Health(running, running ? HealthState.HEALTHY : HealthState.NOT_RUNNING, 0,
                    running ? Optional.of(Duration.between(startedAt, clock.instant())) : Optional.empty(),
                    Optional.ofNullable(code), IMAGE, Optional.ofNullable(lastTurn));
        }

        synchronized void log(String text) {
            log.addLast(new LogLine(clock.instant(), text));
            while (log.size() > LOG_LINES) {
                log.removeFirst();
            }
        }

        synchronized List<LogLine> logs(int tail, Optional<Instant> since) {
            List<LogLine> matching = new ArrayList<>();
            for (LogLine line : log) {
                if (since.map(s -> !line.at().isBefore(s)).orElse(true)) {
                    matching.add(line);
                }
            }
            int from = Math.max(0, matching.size() - Math.max(0, tail));
            return List.copyOf(matching.subList(from, matching.size()));
        }
    }
}
