package dev.steward.application.provisioning;

import dev.steward.application.port.runtime.AgentCheckIns.CheckIn;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.domain.agent.AgentLiveness;
import dev.steward.domain.agent.AgentLiveness.Silence;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Judges agents alive by their check-ins ({@link AgentLiveness}), which every control plane sharing the store
 * records, instead of a health check run inside each container (a {@code runc exec} of 60-70 ms of host CPU per
 * check: at the old 5 s interval 200 idle agents spent about 2.4 cores on it, see docs/benchmarks.md).
 *
 * <p>It counts only the silence this control plane could have heard: from when it started (so after a restart every
 * agent gets the full limit to check in, however long the control plane was down), and again from when its store
 * answers after it could not be reached (check-ins could not be recorded meanwhile). One instance per control plane,
 * shared by the reconciler (which acts on what it judges) and the diagnostics (which show it).
 */
public final class LivenessJudge {

    private static final System.Logger LOG = System.getLogger(LivenessJudge.class.getName());

    private final AgentLiveness liveness;
    private final Clock clock;
    private volatile Instant listeningSince;
    private volatile boolean storeAway;

    @Inject
    public LivenessJudge(Clock clock) {
        this(AgentLiveness.DEFAULT, clock);
    }

    public LivenessJudge(AgentLiveness liveness, Clock clock) {
        this.liveness = liveness;
        this.clock = clock;
        this.listeningSince = clock.instant();
    }

    public AgentLiveness liveness() {
        return liveness;
    }

    /** Since when this control plane has been able to hear (record) check-ins. */
    public Instant listeningSince() {
        return listeningSince;
    }

    /** The store could not be reached: check-ins cannot be recorded until it answers again. */
    public void storeAway() {
        storeAway = true;
    }

    /** The store answered; if it was away, silence from before now no longer counts. */
    public void storeAnswered() {
        if (storeAway) {
            storeAway = false;
            listeningSince = clock.instant();
            LOG.log(Level.INFO, "the store answers again: agents' silence counts from now on");
        }
    }

    /**
     * How long the agent has gone unheard, when longer than the limit.
     *
     * @param runningSince when the agent started running, if known (no silence counts from before)
     * @param excusedUntil another moment before which silence does not count (e.g. when its provisioning began)
     */
    public Optional<Silence> silence(Optional<CheckIn> latest, Optional<Instant> runningSince,
                                     Optional<Instant> excusedUntil) {
        Instant audibleSince = Stream.of(Optional.of(listeningSince), runningSince, excusedUntil)
                .flatMap(Optional::stream).max(Instant::compareTo).orElseThrow();
        return liveness.silence(latest.map(CheckIn::at), audibleSince, clock.instant());
    }

    /**
     * The agent as its check-ins show it: a running ({@code READY}) agent silent for longer than the limit is
     * {@code UNHEALTHY}, its detail saying so. An agent still starting (a Swarm task pulling its image, an engine
     * restarting it) is not judged, nor one the runtime already reports unhealthy or exited.
     */
    public ObservedAgent judge(ObservedAgent agent, Optional<CheckIn> latest, Optional<Instant> excusedUntil) {
        if (agent.state() != ObservedAgent.State.READY) {
            return agent;
        }
        return silence(latest, agent.runningSince(), excusedUntil)
                .map(silence -> agent.unhealthy(silence.describe()))
                .orElse(agent);
    }
}
