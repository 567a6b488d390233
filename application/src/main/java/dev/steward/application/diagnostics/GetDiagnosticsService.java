package dev.steward.application.diagnostics;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.provisioning.LivenessJudge;
import dev.steward.domain.agent.AgentLiveness;
import dev.steward.domain.client.Client;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.Health;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class GetDiagnosticsService implements GetDiagnosticsUseCase {

    private final ClientRepository clients;
    private final AgentRuntime runtime;
    private final AgentCheckIns checkIns;
    private final Clock clock;
    private final LivenessJudge liveness;

    /** With a liveness judge of its own, listening from now (embedding, tests). */
    public GetDiagnosticsService(ClientRepository clients, AgentRuntime runtime, AgentCheckIns checkIns, Clock clock) {
        this(clients, runtime, checkIns, clock, new LivenessJudge(clock));
    }

    /** {@code liveness}: the control plane's judge, the reconciler's, so that both say the same about an agent. */
    @Inject
    public GetDiagnosticsService(ClientRepository clients, AgentRuntime runtime, AgentCheckIns checkIns, Clock clock,
                                 LivenessJudge liveness) {
        this.clients = clients;
        this.runtime = runtime;
        this.checkIns = checkIns;
        this.clock = clock;
        this.liveness = liveness;
    }

    @Override
    public Diagnostics diagnose(MspId msp, String slug, int tailLines, Optional<Instant> since) {
        if (tailLines < 1 || tailLines > MAX_TAIL) {
            throw new InvalidCommand(List.of(new FieldViolation("tail", "tail.out-of-range",
                    "must be between 1 and " + MAX_TAIL + " (got " + tailLines + ")")));
        }
        Client client = ClientLookup.require(clients, msp, slug);
        Diagnostics observed = runtime.diagnose(client.id(), tailLines, since);
        Optional<AgentCheckIns.CheckIn> latest = checkIns.latest(client.id());
        return new Diagnostics(judged(client, observed.health(), latest), observed.logs(),
                observed.usage().or(() -> latest.flatMap(this::reported)));
    }

    /**
     * The usage the agent measured itself, for runtimes that cannot read it from where they stand (a Swarm task on
     * another node); only from a check-in recent enough to describe the agent now.
     */
    private Optional<ResourceUsage> reported(AgentCheckIns.CheckIn checkIn) {
        boolean recent = Duration.between(checkIn.at(), clock.instant()).compareTo(liveness.liveness().limit()) <= 0;
        return recent ? checkIn.usage() : Optional.empty();
    }

    /**
     * A running agent that stopped checking in (or never did) is unhealthy, whatever its process looks like: the
     * reconciler's judgement ({@link LivenessJudge}), with the same words in the detail.
     */
    private Health judged(Client client, Health health, Optional<AgentCheckIns.CheckIn> latest) {
        Optional<Instant> runningSince = health.uptime().map(uptime -> clock.instant().minus(uptime));
        Optional<String> silence = health.running()
                ? liveness.silence(latest, runningSince, Optional.of(client.lastChange().at()))
                        .map(AgentLiveness.Silence::describe)
                : Optional.empty();
        HealthState state = silence.isPresent() ? HealthState.UNHEALTHY : health.state();
        String detail = silence.map(why -> health.detail().isEmpty() ? why : health.detail() + ", " + why)
                .orElse(health.detail());
        return new Health(health.running(), state, health.restarts(), health.uptime(), health.exitCode(),
                health.image(), latest.map(AgentCheckIns.CheckIn::at).or(health::lastHeartbeat), detail);
    }
}
