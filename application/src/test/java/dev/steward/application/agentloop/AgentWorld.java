package dev.steward.application.agentloop;

import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.AgentWorker;
import dev.steward.application.agent.HandoffStatus;
import dev.steward.application.agent.WorkTiming;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.approval.ApprovalTimeout;
import dev.steward.application.approval.DecideApprovalService;
import dev.steward.application.approval.ExpireApprovalsService;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryAgentApi;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryClientMappings;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryIdentityVerifications;
import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.inmemory.InMemoryToolExecutor;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.InMemoryUserRepository;
import dev.steward.application.inprocess.InProcessControlPlane;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.application.ticket.IntakeTicketService;
import dev.steward.application.ticket.PollTicketsService;
import dev.steward.application.workflow.ChangeWorkflowStatusService;
import dev.steward.application.workflow.CreateWorkflowService;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationCapability;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.verification.IdentityVerification;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A control plane and its agents, in memory: one MSP with a PSA, clients, integrations whose tools run in process,
 * the ticket pipeline (intake, approvals) and, per client, an {@link AgentWorker} — the agents' own code — reaching the
 * control plane through an {@link InProcessControlPlane}. The agents do not run on their own threads here: a test
 * says when they work ({@link #work()}), so every test is deterministic.
 */
final class AgentWorld {

    final MutableClock clock = MutableClock.startingAt("2026-11-22T09:00:00Z");
    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    final InMemoryUserRepository users = new InMemoryUserRepository(unitOfWork);
    final InMemoryTicketSystem psa = new InMemoryTicketSystem("connectwise", clock);
    final IdGenerator ids = new TimeOrderedIdGenerator(clock);
    /** A documentation kind whose calls are scoped to the client's mapped company (the gateway checks it first). */
    static final IntegrationKind DOCS = new IntegrationKind("hudu", "Hudu", Set.of(IntegrationScope.MSP), List.of(),
            List.of(Tool.readOnly("hudu:search-articles", "search"), Tool.write("hudu:get-password", "reveal")
                    .asSensitive()), Map.of()).scopedTo("documentation company");
    /** The PSA the world's clients are mapped to, and another the MSP may connect, as their catalogs declare them. */
    static final IntegrationKind PSA = psaKind("connectwise");
    static final IntegrationKind OTHER_PSA = psaKind("halopsa");
    final IntegrationKinds kinds = IntegrationKinds.of(new InMemoryIntegrationProvider(DOCS),
            new InMemoryIntegrationProvider(PSA).withTicketSystem(psa), new InMemoryIntegrationProvider(OTHER_PSA)
                    .withTicketSystem(new InMemoryTicketSystem(OTHER_PSA.name(), clock)));

    private static IntegrationKind psaKind(String name) {
        return new IntegrationKind(name, name, Set.of(IntegrationScope.MSP), List.of(), List.of(), Map.of())
                .with(IntegrationCapability.PSA);
    }
    final CommandValidator validator = new CommandValidator(Validation.buildDefaultValidatorFactory().getValidator());
    final InMemoryAgentApi agents;
    final ToolGateway gateway;
    final InMemoryToolExecutor executor;
    final InMemoryActivityLog activity;
    final InMemoryClientMappings mappings;
    final dev.steward.application.inmemory.InMemoryIntegrationRepository integrations;
    final dev.steward.application.inmemory.InMemorySessionRepository sessions;
    final dev.steward.application.inmemory.InMemoryApprovalRepository approvals;
    final dev.steward.application.inmemory.InMemoryTicketSystems systems;
    final Msp msp;
    final IntakeTicketService intake;
    final PollTicketsService poll;
    final DecideApprovalService decide;
    final ExpireApprovalsService expire;
    final CreateWorkflowService createWorkflow;
    final ChangeWorkflowStatusService changeWorkflowStatus;
    final ApprovalTimeout approvalTimeout = new ApprovalTimeout(Duration.ofHours(24));
    private final AgentReasoning reasoning;
    private final Map<ClientId, AgentWorker> workers = new LinkedHashMap<>();
    final InMemoryIdentityVerifications verifications;
    final RevealedValues revealed;
    /** Answers each push to a requester; a test sets it before the MSP's verification integration is connected. */
    volatile Function<String, IdentityVerification.Result> pushAnswer = requester -> IdentityVerification.Result.DENIED;
    final List<String> pushedTo = new CopyOnWriteArrayList<>();
    final InMemoryIntegrationProvider duo = new InMemoryIntegrationProvider(new IntegrationKind("duo", "Duo",
            Set.of(IntegrationScope.MSP), List.of(), List.of(), Map.of()))
            .withIdentityVerifier((requester, context) -> {
                pushedTo.add(requester);
                return pushAnswer.apply(requester);
            });
    final LiveIntegrations live = new LiveIntegrations(IntegrationKinds.of(duo),
            ProviderContext.defaults(java.time.Clock.systemUTC()));

    AgentWorld(Reasoner reasoner) {
        this((configuration, controlPlane) -> reasoner, Optional.empty());
    }

    /** A world whose agents run the runbook reasoner on the workflows in their configuration. */
    static AgentWorld withRunbooks() {
        return new AgentWorld(AgentReasoning.runbooks(), Optional.empty());
    }

    AgentWorld(AgentReasoning reasoning, Optional<LanguageModel> model) {
        this.reasoning = reasoning;
        this.agents = new InMemoryAgentApi(clock, unitOfWork, clients, msps, new InMemoryAgentCheckIns(), ids,
                model.map(m -> AgentConfiguration.ReasonerChoice.model(m.model()))
                        .orElse(AgentConfiguration.ReasonerChoice.RUNBOOK), model, WorkTiming.DEFAULT,
                new HandoffStatus(HandoffStatus.DEFAULT), kinds, live);
        gateway = agents.gateway;
        verifications = agents.verifications;
        revealed = agents.revealed;
        executor = agents.tools;
        activity = agents.activity;
        mappings = agents.mappings;
        integrations = agents.integrations;
        sessions = agents.sessions;
        approvals = agents.approvals;
        systems = agents.ticketSystems;
        msp = msps.add(Fixtures.anMsp());
        agents.ticketSystems.connect(msp.id(), psa);
        decide = new DecideApprovalService(validator, agents.approvals, agents.activity, ids, clients, agents.work,
                agents.arrivals, clock, unitOfWork);
        expire = new ExpireApprovalsService(agents.approvals, agents.activity, agents.work, agents.arrivals,
                unitOfWork, ids, clock, approvalTimeout);
        intake = new IntakeTicketService(validator, agents.ticketSystems, clients, msps, agents.sessions, agents.work,
                agents.arrivals, agents.effects, agents.approvals, decide, users, agents.activity, unitOfWork, ids,
                clock);
        poll = new PollTicketsService(validator, msps, agents.ticketSystems, intake);
        createWorkflow = new CreateWorkflowService(validator, agents.workflows, clients, msps, ids, clock, unitOfWork);
        changeWorkflowStatus = new ChangeWorkflowStatusService(validator, agents.workflows, clients, clock,
                unitOfWork);
    }

    /** A client of the MSP mapped to PSA company {@code companyId}, in {@code mode}, with its agent. */
    Client client(String companyId, OperatingMode mode) {
        Client client = Fixtures.aClient().inMsp(msp).active().build()
                .withPsaMapping(Optional.of(new PsaMapping(psa.kind(), companyId)));
        Client configured = mode == OperatingMode.INHERIT ? client : client.withMode(mode, clock.instant());
        if (configured.status() != AgentStatus.ACTIVE) {
            configured = configured.movedTo(AgentStatus.ACTIVE, "agent acknowledged", clock.instant())
                    .withDeployStatus(DeployStatus.IDLE);
        }
        Client stored = clients.add(configured);
        workers.put(stored.id(), new AgentWorker(new InProcessControlPlane(agents.api(),
                agents.credentials.issue(stored.id())), reasoning, AgentWorker.Timing.DEFAULT, () -> { }, line -> { }));
        return stored;
    }

    /** Every client's agent works until its queue is empty. @return how many items were worked */
    int work() {
        int worked = 0;
        for (AgentWorker worker : workers.values()) {
            while (worker.workOnce(Duration.ZERO)) {
                worked++;
            }
        }
        return worked;
    }

    AgentWorker agentOf(Client client) {
        return workers.get(client.id());
    }

    /** Connects an MSP-wide integration with these tools; every tool's executor answers "ok: <tool>". */
    Integration connect(String kind, List<Tool> tools, Map<ToolName, ToolPolicy> policies) {
        tools.forEach(t -> agents.tools.register(t.name(), args -> "ok: " + t.name()));
        return agents.integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp.id(),
                Optional.empty(), kind, tools, policies, clock.instant()));
    }

    /** Connects an integration of one client only. */
    Integration connectFor(Client client, String kind, List<Tool> tools, Map<ToolName, ToolPolicy> policies) {
        tools.forEach(t -> agents.tools.register(t.name(), args -> "ok: " + t.name()));
        return agents.integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp.id(),
                Optional.of(client.id()), kind, tools, policies, clock.instant()));
    }

    /** Connects the MSP's Duo: pushes go to {@link #pushAnswer}. */
    void connectDuo() {
        Integration integration = agents.integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()),
                msp.id(), Optional.empty(), "duo", List.of(), Map.of(), clock.instant()));
        live.register(integration, live.open(integration, new IntegrationSettings(Map.of(), Map.of())));
    }

    List<ActivityEntry> activityOf(String ticket) {
        return agents.activity.query(new ActivityQuery(msp.id(), Optional.empty(), Optional.of(ticket),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                ActivityQuery.MAX_LIMIT));
    }
}
