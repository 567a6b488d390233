package dev.steward.adapter.psa.common;

import dev.steward.application.agentloop.AgentLoop;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.agentloop.ToolGateway;
import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryApprovalRepository;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemorySessionRepository;
import dev.steward.application.inmemory.InMemoryTicketSystems;
import dev.steward.application.inmemory.InMemoryToolExecutor;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.inmemory.TimeOrderedIdGenerator;
import dev.steward.application.port.ActivityQuery;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.ticket.IntakeResult;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.ticket.IntakeTicketService;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.msp.Msp;
import jakarta.validation.Validation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The application core on its in-memory stores, driving a real PSA adapter: what the server does between a webhook
 * (or a poll) and the note, without HTTP in front. One MSP, one client mapped to {@code companyId}, an M365
 * integration whose read-only tools answer in process.
 */
public final class AgentPipeline {

    private final InMemoryActivityLog activity = new InMemoryActivityLog();
    private final InMemoryToolExecutor executor = new InMemoryToolExecutor();
    private final Msp msp;
    private final IntakeTicketService intake;
    private final String kind;

    public AgentPipeline(TicketSystem psa, String companyId) {
        Clock clock = Clock.systemUTC();
        InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
        InMemoryMspRepository msps = new InMemoryMspRepository(unitOfWork);
        InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
        InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository(unitOfWork);
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);
        this.kind = psa.kind();
        this.msp = msps.add(Fixtures.anMsp());
        Client client = Fixtures.aClient().inMsp(msp).active().build()
                .withPsaMapping(Optional.of(new PsaMapping(kind, companyId)));
        clients.add(client);
        List<Tool> tools = List.of(Tool.readOnly("m365:get-user", "Read a user"),
                Tool.readOnly("m365:list-auth-methods", "List sign-in methods"),
                Tool.write("m365:reset-password", "Reset a password"));
        tools.forEach(t -> executor.register(t.name(), args -> t.name().action() + " answered for " + args.get("user")));
        integrations.add(Integration.connect(new IntegrationId(UUID.randomUUID()), msp.id(), Optional.empty(), "m365",
                tools, Map.of(), clock.instant()));
        InMemoryTicketSystems systems = new InMemoryTicketSystems().connect(msp.id(), psa);
        ToolGateway gateway = new ToolGateway(integrations, executor, activity, ids, clock);
        AgentLoop loop = new AgentLoop(new RunbookReasoner(), gateway, activity,
                new InMemoryApprovalRepository(unitOfWork), ids, clock);
        CommandValidator validator = new CommandValidator(Validation.buildDefaultValidatorFactory().getValidator());
        this.intake = new IntakeTicketService(validator, systems, clients, msps,
                new InMemorySessionRepository(unitOfWork), activity, loop, ids, clock);
    }

    /** What a webhook route does with a ticket id taken from a (verified) delivery. */
    public IntakeResult ticketArrived(String ticketId) {
        return intake.intake(new IntakeTicketCommand(msp.id(), kind, ticketId));
    }

    public List<ActivityEntry> activityOf(String ticketId) {
        return activity.query(new ActivityQuery(msp.id(), Optional.empty(), Optional.of(ticketId), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ActivityQuery.MAX_LIMIT));
    }

    public InMemoryToolExecutor executor() {
        return executor;
    }
}
