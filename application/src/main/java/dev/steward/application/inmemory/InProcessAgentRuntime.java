package dev.steward.application.inmemory;

import dev.steward.application.port.AgentCheckIns;
import dev.steward.application.port.AgentCheckIns.CheckIn;
import dev.steward.application.port.AgentRuntime;
import dev.steward.application.port.AgentSpec;
import dev.steward.application.port.ObservedAgent;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.Health;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import dev.steward.domain.diagnostics.Diagnostics.LogLine;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default runtime: each agent is a virtual thread in the control plane. It starts at once, takes a new
 * configuration without a restart, keeps its own log, and can be crashed from outside for fault tests. Like an agent
 * in a container it checks in ({@link AgentCheckIns}) with the version it runs when it starts, when it takes a new
 * one and on every heartbeat: that acknowledgement is what makes the reconciler call it active.
 * {@code maxAgents} models capacity: beyond it {@link #ensure} fails as retryable, as an engine out of room would.
 */
public final class InProcessAgentRuntime implements AgentRuntime, AutoCloseable {

    public static final String IMAGE = "in-process";
    private static final System.Logger LOG = System.getLogger(InProcessAgentRuntime.class.getName());
    private static final int LOG_LINES = 500;
    /** The container agent's default heartbeat ({@code STEWARD_HEARTBEAT_MS}). */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final Clock clock;
    private final AgentCheckIns checkIns;
    private final int maxAgents;
    private final Map<ClientId, Agent> agents = new ConcurrentHashMap<>();

    @Inject
    public InProcessAgentRuntime(Clock clock, AgentCheckIns checkIns) {
        this(clock, checkIns, 10_000);
    }

    public InProcessAgentRuntime(Clock clock, AgentCheckIns checkIns, int maxAgents) {
        this.clock = clock;
        this.checkIns = checkIns;
        this.maxAgents = maxAgents;
    }

    @Override
    public synchronized ObservedAgent ensure(AgentSpec spec) {
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
            agent = new Agent(spec, clock, checkIns);
            agents.put(spec.client(), agent);
            agent.start();
        } else if (agent.configVersion != spec.configVersion()) {
            agent.acknowledge(spec.configVersion());
        }
        return agent.observed();
    }

    @Override
    public List<ObservedAgent> observe() {
        return agents.values().stream().map(Agent::observed).toList();
    }

    @Override
    public synchronized void destroy(ClientId client) {
        Agent agent = agents.remove(client);
        if (agent != null) {
            agent.stop();
        }
    }

    @Override
    public Diagnostics diagnose(ClientId client, int tailLines, Optional<Instant> since) {
        Agent agent = agents.get(client);
        if (agent == null) {
            return new Diagnostics(Health.absent(), List.of(), Optional.empty());
        }
        return new Diagnostics(agent.health(), agent.logs(tailLines, since), Optional.empty());
    }

    /** Makes the agent die as a crashed process would (for fault tests and demos). */
    public void crash(ClientId client, int exitCode) {
        Agent agent = agents.get(client);
        if (agent != null) {
            agent.crash(exitCode);
        }
    }

    @Override
    public void close() {
        agents.values().forEach(Agent::stop);
        agents.clear();
    }

    private static final class Agent {
        private final AgentSpec spec;
        private final Clock clock;
        private final AgentCheckIns checkIns;
        private final Deque<LogLine> log = new ArrayDeque<>();
        private final CountDownLatch stop = new CountDownLatch(1);
        private volatile long configVersion;
        private volatile Instant startedAt;
        private volatile Instant lastHeartbeat;
        private volatile Integer exitCode;
        private Thread thread;

        Agent(AgentSpec spec, Clock clock, AgentCheckIns checkIns) {
            this.spec = spec;
            this.clock = clock;
            this.checkIns = checkIns;
            this.configVersion = spec.configVersion();
        }

        void start() {
            startedAt = clock.instant();
            log("agent for " + spec.slug() + " started with configuration v" + configVersion);
            checkIn();
            thread = Thread.ofVirtual().name("agent-" + spec.slug()).start(this::run);
        }

        private void run() {
            try {
                while (!stop.await(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS)) {
                    checkIn();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** What a container agent's {@code POST /agent/v1/check-ins} does: heartbeat and acknowledgement in one. */
        private void checkIn() {
            Instant now = clock.instant();
            lastHeartbeat = now;
            try {
                checkIns.record(new CheckIn(spec.client(), configVersion, now));
            } catch (RuntimeException e) {
                // the store is down: a container agent would retry too; the next heartbeat does
                LOG.log(Level.WARNING, () -> "in-process agent of " + spec.slug() + " could not check in", e);
            }
        }

        void acknowledge(long version) {
            configVersion = version;
            log("configuration v" + version + " acknowledged; it applies from the next request");
            checkIn();
        }

        boolean alive() {
            return exitCode == null;
        }

        void crash(int code) {
            log("agent exited with code " + code);
            exitCode = code;
            stop.countDown();
        }

        void stop() {
            if (exitCode == null) {
                log("agent stopped");
                exitCode = 0;
            }
            stop.countDown();
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
            return new ObservedAgent(spec.client(), spec.msp(), configVersion, ObservedAgent.State.READY, 0, "");
        }

        Health health() {
            Integer code = exitCode;
            boolean running = code == null;
            return new Health(running, running ? HealthState.HEALTHY : HealthState.NOT_RUNNING, 0,
                    running ? Optional.of(Duration.between(startedAt, clock.instant())) : Optional.empty(),
                    Optional.ofNullable(code), IMAGE, Optional.ofNullable(lastHeartbeat));
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
