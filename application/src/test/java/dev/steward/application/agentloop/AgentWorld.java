package dev.steward.application.agentloop;

import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryApprovalRepository;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryRunbookStore;
import dev.steward.application.inmemory.InMemorySessionRepository;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.inmemory.InMemoryTicketSystems;
import dev.steward.application.inmemory.InMemoryToolExecutor;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.TimeOrderedIdGenerator;
import dev.steward.application.port.ActivityQuery;
import dev.steward.application.port.IdGenerator;
import dev.steward.application.port.Reasoner;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.runbook.SaveRunbookService;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.application.ticket.IntakeTicketService;
import dev.steward.application.ticket.PollTicketsService;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.Msp;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Everything the agent loop needs, in memory: one MSP with a PSA, clients, integrations, tools that run in process. */
final class AgentWorld {

    final MutableClock clock = MutableClock.startingAt("2026-11-22T09:00:00Z");
    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    final InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
    final InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository(unitOfWork);
    final InMemorySessionRepository sessions = new InMemorySessionRepository(unitOfWork);
    final InMemoryActivityLog activity = new InMemoryActivityLog();
    final InMemoryApprovalRepository approvals = new InMemoryApprovalRepository(unitOfWork);
    final InMemoryRunbookStore runbooks = new InMemoryRunbookStore(unitOfWork);
    final InMemoryToolExecutor executor = new InMemoryToolExecutor();
    final InMemoryTicketSystem psa = new InMemoryTicketSystem("connectwise", clock);
    final InMemoryTicketSystems systems = new InMemoryTicketSystems();
    final IdGenerator ids = new TimeOrderedIdGenerator(clock);
    final CommandValidator validator = new CommandValidator(Validation.buildDefaultValidatorFactory().getValidator());
    final Msp msp;
    final ToolGateway gateway;
    final IntakeTicketService intake;
    final PollTicketsService poll;
    final SaveRunbookService saveRunbook;

    AgentWorld(Reasoner reasoner) {
        this((Function<RunbookStore, Reasoner>) runbooks -> reasoner);
    }

    /** A world whose reasoner reads the runbooks saved in it (e.g. the runbook reasoner on its store). */
    static AgentWorld reasoningWith(Function<RunbookStore, Reasoner> reasoner) {
        return new AgentWorld(reasoner);
    }

    private AgentWorld(Function<RunbookStore, Reasoner> reasonerOnRunbooks) {
        Reasoner reasoner = reasonerOnRunbooks.apply(runbooks);
        saveRunbook = new SaveRunbookService(validator, runbooks, clients, msps, ids, clock, unitOfWork);
        msp = msps.add(Fixtures.anMsp());
        systems.connect(msp.id(), psa);
        gateway = new ToolGateway(integrations, executor, activity, ids, clock);
        AgentLoop loop = new AgentLoop(reasoner, gateway, activity, approvals, ids, clock);
        intake = new IntakeTicketService(validator, systems, clients, msps, sessions, activity, loop, ids, clock);
        poll = new PollTicketsService(validator, msps, systems, intake);
    }

    /** A client of the MSP mapped to PSA company {@code companyId}, in {@code mode}. */
    Client client(String companyId, OperatingMode mode) {
        Client client = Fixtures.aClient().inMsp(msp).active().build()
                .withPsaMapping(Optional.of(new PsaMapping(psa.kind(), companyId)));
        return clients.add(mode == OperatingMode.INHERIT ? client : client.withMode(mode, clock.instant()));
    }

    /** Connects an MSP-wide integration with these tools; every tool's executor answers "ok: <tool>". */
    Integration connect(String kind, List<Tool> tools, Map<ToolName, ToolPolicy> policies) {
        tools.forEach(t -> executor.register(t.name(), args -> "ok: " + t.name()));
        return integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp.id(), Optional.empty(),
                kind, tools, policies, clock.instant()));
    }

    /** Connects an integration of one client only. */
    Integration connectFor(Client client, String kind, List<Tool> tools, Map<ToolName, ToolPolicy> policies) {
        tools.forEach(t -> executor.register(t.name(), args -> "ok: " + t.name()));
        return integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp.id(),
                Optional.of(client.id()), kind, tools, policies, clock.instant()));
    }

    List<ActivityEntry> activityOf(String ticket) {
        return activity.query(new ActivityQuery(msp.id(), Optional.empty(), Optional.of(ticket), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ActivityQuery.MAX_LIMIT));
    }
}
