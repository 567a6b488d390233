package dev.steward.application.diagnostics;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.client.Client;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import dev.steward.domain.diagnostics.Diagnostics.Health;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class GetDiagnosticsService implements GetDiagnosticsUseCase {

    /**
     * An agent that checked in longer ago than this missed a heartbeat: a container agent checks in every 20 s when
     * idle (with its long poll for work), an in-process one every 5 s; a working agent checks in again when it is done.
     */
    public static final Duration HEARTBEAT_GRACE = Duration.ofSeconds(30);

    private final ClientRepository clients;
    private final AgentRuntime runtime;
    private final AgentCheckIns checkIns;
    private final Clock clock;

    @Inject
    public GetDiagnosticsService(ClientRepository clients, AgentRuntime runtime, AgentCheckIns checkIns, Clock clock) {
        this.clients = clients;
        this.runtime = runtime;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    @Override
    public Diagnostics diagnose(MspId msp, String slug, int tailLines, Optional<Instant> since) {
        if (tailLines < 1 || tailLines > MAX_TAIL) {
            throw new InvalidCommand(List.of(new FieldViolation("tail", "tail.out-of-range",
                    "must be between 1 and " + MAX_TAIL + " (got " + tailLines + ")")));
        }
        Client client = ClientLookup.require(clients, msp, slug);
        Diagnostics observed = runtime.diagnose(client.id(), tailLines, since);
        return checkIns.latest(client.id())
                .map(checkIn -> new Diagnostics(withHeartbeat(observed.health(), checkIn.at()), observed.logs(),
                        observed.usage().or(() -> reported(checkIn))))
                .orElse(observed);
    }

    /**
     * The usage the agent measured itself, for runtimes that cannot read it from where they stand (a Swarm task on
     * another node); only from a check-in recent enough to describe the agent now.
     */
    private Optional<ResourceUsage> reported(AgentCheckIns.CheckIn checkIn) {
        boolean recent = Duration.between(checkIn.at(), clock.instant()).compareTo(HEARTBEAT_GRACE) <= 0;
        return recent ? checkIn.usage() : Optional.empty();
    }

    /** A running agent that stopped checking in is unhealthy, whatever its process looks like. */
    private Health withHeartbeat(Health health, Instant lastCheckIn) {
        boolean missed = Duration.between(lastCheckIn, clock.instant()).compareTo(HEARTBEAT_GRACE) > 0;
        HealthState state = health.running() && missed ? HealthState.UNHEALTHY : health.state();
        return new Health(health.running(), state, health.restarts(), health.uptime(), health.exitCode(),
                health.image(), Optional.of(lastCheckIn), health.detail());
    }
}
