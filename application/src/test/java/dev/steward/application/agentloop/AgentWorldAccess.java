package dev.steward.application.agentloop;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.AgentWorker;
import dev.steward.application.approval.DecideApprovalUseCase;
import dev.steward.application.approval.ExpireApprovalsUseCase;
import dev.steward.application.inmemory.InMemoryAgentApi;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.testkit.MutableClock;
import dev.steward.application.ticket.IntakeResult;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.ticket.IntakeTicketService;
import dev.steward.application.ticket.IntakeTicketUseCase;
import dev.steward.application.ticket.PollTicketsService;
import dev.steward.application.ticket.PollTicketsUseCase;
import dev.steward.application.verification.ConfirmIdentityService;
import dev.steward.application.workflow.ChangeWorkflowStatusUseCase;
import dev.steward.application.workflow.CreateWorkflowUseCase;
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
import java.util.Optional;
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

    /** A world whose agents run the runbook reasoner on the workflows of their configuration. */
    public static AgentWorldAccess withRunbooks() {
        return new AgentWorldAccess(AgentWorld.withRunbooks());
    }

    /** A world whose agents run {@code reasoning} and whose control plane calls {@code model}. */
    public static AgentWorldAccess withModel(AgentReasoning reasoning, LanguageModel model) {
        return new AgentWorldAccess(new AgentWorld(reasoning, Optional.of(model)));
    }

    public CreateWorkflowUseCase createWorkflow() {
        return world.createWorkflow;
    }

    public ChangeWorkflowStatusUseCase changeWorkflowStatus() {
        return world.changeWorkflowStatus;
    }

    public InMemoryTicketSystem psa() {
        return world.psa;
    }

    /** Puts {@code psa} in place of the in-memory PSA of its kind (e.g. a wrapper that fails on purpose). */
    public void connectPsa(TicketSystem psa) {
        world.agents.ticketSystems.connect(world.msp.id(), psa);
    }

    public MspId mspId() {
        return world.msp.id();
    }

    public IntakeTicketUseCase intake() {
        return world.intake;
    }

    /** Intake of one ticket of the MSP's connectwise PSA (only queues work). */
    public IntakeResult intake(String ticket) {
        return world.intake.intake(new IntakeTicketCommand(world.msp.id(), "connectwise", ticket));
    }

    /** Intake, then every agent works until its queue is empty: webhook to note, as the server does it. */
    public IntakeResult takeIn(String ticket) {
        IntakeResult result = intake(ticket);
        world.work();
        return result;
    }

    /** Every agent works until its queue is empty. @return the items worked */
    public int work() {
        return world.work();
    }

    public AgentWorker agentOf(Client client) {
        return world.agentOf(client);
    }

    public PollTicketsUseCase poll() {
        return world.poll;
    }

    public DecideApprovalUseCase decide() {
        return world.decide;
    }

    public ExpireApprovalsUseCase expire() {
        return world.expire;
    }

    public InMemoryUserRepository users() {
        return world.users;
    }

    public InMemoryAgentApi agents() {
        return world.agents;
    }

    public Client client(String companyId, OperatingMode mode) {
        return world.client(companyId, mode);
    }

    public Integration connect(String kind, List<Tool> tools, Map<ToolName, ToolPolicy> policies) {
        return world.connect(kind, tools, policies);
    }

    public Integration connectFor(Client client, String kind, List<Tool> tools, Map<ToolName, ToolPolicy> policies) {
        return world.connectFor(client, kind, tools, policies);
    }

    public List<ActivityEntry> activityOf(String ticket) {
        return world.activityOf(ticket);
    }

    public List<ToolCall> executed() {
        return world.agents.tools.executed();
    }

    public AgentSession session(UUID id) {
        return world.agents.sessions.find(id).orElseThrow();
    }

    public dev.steward.application.port.client.MspRepository msps() {
        return world.msps;
    }

    public dev.steward.application.port.client.ClientRepository clients() {
        return world.clients;
    }

    public dev.steward.application.port.integration.IntegrationRepository integrations() {
        return world.agents.integrations;
    }

    public dev.steward.application.port.psa.TicketSystems systems() {
        return world.agents.ticketSystems;
    }

    public MutableClock clock() {
        return world.clock;
    }

    /** A world whose reasoner knows only the built-in workflows. */
    public static AgentWorldAccess withBuiltInRunbooks() {
        return new AgentWorldAccess(new RunbookReasoner());
    }

    public ConfirmIdentityService confirmIdentity() {
        return new ConfirmIdentityService(world.validator, world.agents.approvals, world.agents.sessions,
                world.verifications, world.activity, world.ids, world.clock, world.unitOfWork);
    }

    public dev.steward.application.inmemory.InMemorySessionRepository sessions() {
        return world.agents.sessions;
    }

    public dev.steward.application.inmemory.InMemoryApprovalRepository approvals() {
        return world.agents.approvals;
    }

    public dev.steward.application.inmemory.InMemoryIdentityVerifications verifications() {
        return world.verifications;
    }

    public java.time.Instant now() {
        return world.clock.instant();
    }
}
