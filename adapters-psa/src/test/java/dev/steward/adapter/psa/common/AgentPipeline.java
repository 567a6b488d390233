package dev.steward.adapter.psa.common;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.AgentWorker;
import dev.steward.application.approval.DecideApprovalService;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.inmemory.InMemoryAgentApi;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryToolExecutor;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.inprocess.InProcessControlPlane;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.ticket.IntakeResult;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.ticket.IntakeTicketService;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The application core on its in-memory stores, driving a real PSA adapter: what the server does between a webhook
 * (or a poll) and the note, without HTTP in front — intake queues the ticket's work, and the client's agent (the
 * agents' own code, calling the agent API in process) works it. One MSP, one client mapped to {@code companyId}, an
 * M365 integration whose read-only tools answer in process.
 */
public final class AgentPipeline {

    /** The MSP's technician, as the PSA knows them too. */
    public static final String TECHNICIAN = "ana@acmemsp.example";

    private final InMemoryAgentApi agents;
    private final Msp msp;
    private final IntakeTicketService intake;
    private final AgentWorker agent;
    private final String kind;

    public AgentPipeline(TicketSystem psa, String companyId) {
        this(psa, companyId, OperatingMode.INHERIT);
    }

    /**
     * The same in {@code mode}; in execute mode {@code m365:reset-password} needs approval, and the MSP has one
     * technician, {@link #TECHNICIAN}, who may give it.
     */
    public AgentPipeline(TicketSystem psa, String companyId, OperatingMode mode) {
        Clock clock = Clock.systemUTC();
        InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
        InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
        InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);
        this.agents = new InMemoryAgentApi(clock, unitOfWork, clients, msps, new InMemoryAgentCheckIns());
        this.kind = psa.kind();
        this.msp = msps.add(Fixtures.anMsp());
        Client mapped = Fixtures.aClient().inMsp(msp).active().build()
                .withPsaMapping(Optional.of(new PsaMapping(kind, companyId)));
        Client configured = mode == OperatingMode.INHERIT ? mapped : mapped.withMode(mode, clock.instant());
        if (configured.status() != AgentStatus.ACTIVE) {
            configured = configured.movedTo(AgentStatus.ACTIVE, "agent acknowledged", clock.instant())
                    .withDeployStatus(DeployStatus.IDLE);
        }
        Client client = clients.add(configured);
        InMemoryUserRepository users = new InMemoryUserRepository(unitOfWork);
        users.add(User.register(new UserId(UUID.randomUUID()), msp.id(), new EmailAddress(TECHNICIAN),
                UserRole.MSP_TECHNICIAN, "hash", clock.instant()));
        ToolParameter user = ToolParameter.required("user", ToolParameter.Type.STRING, "UPN");
        List<Tool> tools = List.of(Tool.readOnly("m365:get-user", "Read a user").taking(user),
                Tool.readOnly("m365:list-sign-ins", "List sign-in failures").taking(user),
                Tool.write("m365:revoke-sessions", "Revoke sessions").taking(user),
                Tool.write("m365:reset-password", "Reset a password").taking(user));
        tools.forEach(t -> agents.tools.register(t.name(), args -> t.name().action() + " answered for "
                + args.get("user")));
        agents.integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp.id(), Optional.empty(),
                "m365", tools, Map.of(ToolName.of("m365:reset-password"), ToolPolicy.APPROVAL_NEEDED), clock.instant()));
        agents.ticketSystems.connect(msp.id(), psa);
        CommandValidator validator = new CommandValidator(Validation.buildDefaultValidatorFactory().getValidator());
        DecideApprovalService decide = new DecideApprovalService(validator, agents.approvals, agents.activity, ids,
                clients, agents.work, agents.arrivals, clock, unitOfWork);
        this.intake = new IntakeTicketService(validator, agents.ticketSystems, clients, msps, agents.sessions,
                agents.work, agents.arrivals, agents.effects, agents.approvals, decide,
                users, agents.activity, unitOfWork, ids, clock);
        this.agent = new AgentWorker(new InProcessControlPlane(agents.api(), agents.credentials.issue(client.id())),
                AgentReasoning.runbooks(), AgentWorker.Timing.DEFAULT, () -> { }, line -> { });
    }

    /** What a webhook route does with a ticket id taken from a (verified) delivery, then the agent's work on it. */
    public IntakeResult ticketArrived(String ticketId) {
        IntakeResult result = intake.intake(new IntakeTicketCommand(msp.id(), kind, ticketId));
        while (agent.workOnce(Duration.ZERO)) {
            // the client's agent takes every queued item in order
        }
        return result;
    }

    public List<ActivityEntry> activityOf(String ticketId) {
        return agents.activity.query(new ActivityQuery(msp.id(), Optional.empty(), Optional.of(ticketId),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                ActivityQuery.MAX_LIMIT));
    }

    public InMemoryToolExecutor executor() {
        return agents.tools;
    }
}
