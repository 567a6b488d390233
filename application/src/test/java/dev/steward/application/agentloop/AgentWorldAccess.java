package dev.steward.application.agentloop;

import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.port.Reasoner;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.port.ToolInvocation;
import dev.steward.application.runbook.SaveRunbookUseCase;
import dev.steward.application.ticket.IntakeTicketService;
import dev.steward.application.ticket.PollTicketsService;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.session.AgentSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link AgentWorld} for tests in other packages. */
public final class AgentWorldAccess {

    private final AgentWorld world;

    public AgentWorldAccess(Reasoner reasoner) {
        this.world = new AgentWorld(reasoner);
    }

    private AgentWorldAccess(AgentWorld world) {
        this.world = world;
    }

    /** A world whose reasoner is the runbook reasoner on the world's runbook store. */
    public static AgentWorldAccess withStoredRunbooks() {
        return new AgentWorldAccess(AgentWorld.reasoningWith(RunbookReasoner::new));
    }

    public SaveRunbookUseCase saveRunbook() {
        return world.saveRunbook;
    }

    public InMemoryTicketSystem psa() {
        return world.psa;
    }

    /** Puts {@code psa} in place of the in-memory PSA of its kind (e.g. a wrapper that fails on purpose). */
    public void connectPsa(TicketSystem psa) {
        world.systems.connect(world.msp.id(), psa);
    }

    public MspId mspId() {
        return world.msp.id();
    }

    public IntakeTicketService intake() {
        return world.intake;
    }

    public PollTicketsService poll() {
        return world.poll;
    }

    public Client client(String companyId, OperatingMode mode) {
        return world.client(companyId, mode);
    }

    public Integration connect(String kind, List<Tool> tools, Map<ToolName, ToolPolicy> policies) {
        return world.connect(kind, tools, policies);
    }

    public List<ActivityEntry> activityOf(String ticket) {
        return world.activityOf(ticket);
    }

    public List<ToolInvocation> executed() {
        return world.executor.executed();
    }

    public AgentSession session(UUID id) {
        return world.sessions.find(id).orElseThrow();
    }

    public dev.steward.application.port.MspRepository msps() {
        return world.msps;
    }

    public dev.steward.application.port.IntegrationRepository integrations() {
        return world.integrations;
    }

    public dev.steward.application.port.TicketSystems systems() {
        return world.systems;
    }

    public dev.steward.application.testkit.MutableClock clock() {
        return world.clock;
    }
}
