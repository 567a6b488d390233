package dev.steward.application.dryrun;

import dev.steward.application.agent.AgentGatewayUseCase;
import dev.steward.application.agent.AgentIdentity;
import dev.steward.application.agent.AgentReasoning;
import dev.steward.application.agent.CallModelUseCase;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.agentloop.ActivityLines;
import dev.steward.application.agentloop.AgentLoop;
import dev.steward.application.agentloop.SessionScope;
import dev.steward.application.agentloop.ToolGateway;
import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.client.Client;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.workflow.AppliedWorkflow;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Runs the client's agent loop ({@link AgentLoop}, with the reasoner its configuration names) in plan mode inside
 * the control plane. Its control plane is a dry one: tool calls go to the real {@link ToolGateway} in the diagnosis
 * phase (reads run, writes are refused and only planned; each call is recorded in activity as usual), and the one
 * internal note the loop posts is kept instead of being written to the PSA. The request and the note are recorded in
 * activity under ticket {@code dry-run:<ticket>} (or {@code dry-run:text}), so a dry run never reads as real work;
 * the agent itself sees the real ticket number, so its checks (reading the ticket) run as they would.
 */
public final class DryRunService implements DryRunUseCase {

    /** Longest pasted text accepted, as a PSA ticket's description would be. */
    static final int MAX_TEXT = 20_000;

    private final ClientRepository clients;
    private final AgentGatewayUseCase agents;
    private final CallModelUseCase models;
    private final AgentReasoning reasoning;
    private final ToolGateway gateway;
    private final TicketSystems ticketSystems;
    private final ActivityLog activity;
    private final ActivityLines lines;
    private final IdGenerator ids;
    private final Clock clock;

    @Inject
    public DryRunService(ClientRepository clients, AgentGatewayUseCase agents, CallModelUseCase models,
                         AgentReasoning reasoning, ToolGateway gateway, TicketSystems ticketSystems,
                         ActivityLog activity, IdGenerator ids, Clock clock) {
        this.clients = clients;
        this.agents = agents;
        this.models = models;
        this.reasoning = reasoning;
        this.gateway = gateway;
        this.ticketSystems = ticketSystems;
        this.activity = activity;
        this.lines = new ActivityLines(ids);
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public DryRunResult run(DryRunCommand command) {
        boolean hasTicket = command.ticket() != null && !command.ticket().isBlank();
        boolean hasText = command.text() != null && !command.text().isBlank();
        if (hasTicket == hasText) {
            throw new InvalidCommand(List.of(new FieldViolation(hasTicket ? "text" : "ticket", "dry-run.source",
                    "give either a ticket number or a pasted text, not " + (hasTicket ? "both" : "neither"))));
        }
        if (hasText && command.text().length() > MAX_TEXT) {
            throw new InvalidCommand(List.of(new FieldViolation("text", "text.too-long",
                    "must be at most " + MAX_TEXT + " characters")));
        }
        Client client = ClientLookup.require(clients, command.msp(), command.slug());
        String requester = "";
        String request;
        // the agent sees the real ticket number (its checks read the ticket); activity files it under dry-run:<n>
        String source;
        if (hasTicket) {
            PsaTicket found = ticket(client, command.ticket().strip());
            request = found.requestText();
            requester = found.requester();
            source = found.id();
        } else {
            request = command.text().strip();
            source = "text";
        }
        String ticket = "dry-run:" + source;
        UUID session = ids.next();
        AgentIdentity agent = new AgentIdentity(client.id(), client.msp(), client.slug());
        AgentConfiguration configuration = agents.configuration(agent);
        SessionScope scope = new SessionScope(client.msp(), client.id(), session, ticket, EffectiveMode.PLAN,
                requester);
        activity.append(lines.transcript(scope, ActivityKind.REQUEST, "dry run requested"
                + (command.technician().isEmpty() ? "" : " by " + command.technician()) + ": " + request,
                clock.instant()));
        DryControlPlane dry = new DryControlPlane(agent, configuration, scope);
        Assignment assignment = new Assignment(ids.next(), ids.next(), clock.instant().plus(Duration.ofMinutes(5)),
                1, configuration.version(), new Assignment.Session(session, source, requester,
                EffectiveMode.PLAN), new Assignment.Task.Start(request), List.of(), 0);
        new AgentLoop(reasoning.reasonerFor(configuration, dry), dry, configuration).work(assignment);
        String note = dry.note.orElse("");
        activity.append(lines.transcript(scope, ActivityKind.NOTE, "dry run, not posted: " + note, clock.instant()));
        return new DryRunResult(session, ticket, note, dry.workflows, dry.calls);
    }

    private PsaTicket ticket(Client client, String number) {
        String kind = client.psaMapping().map(m -> m.integrationKind()).orElseThrow(() -> new InvalidCommand(List.of(
                new FieldViolation("ticket", "ticket.no-psa", "the client is not mapped to a PSA company; paste the "
                        + "ticket's text instead"))));
        try {
            PsaTicket found = ticketSystems.of(client.msp(), kind).ticket(number);
            if (!client.psaMapping().get().companyId().equals(found.companyId())) {
                throw new InvalidCommand(List.of(new FieldViolation("ticket", "ticket.other-company",
                        "ticket " + number + " belongs to another company than this client's")));
            }
            return found;
        } catch (NotFound unknown) {
            throw new InvalidCommand(List.of(new FieldViolation("ticket", "ticket.unknown",
                    "there is no ticket " + number + " in the client's PSA (" + kind + ")")));
        }
    }

    /** The control plane of a dry run: real read-only diagnosis through the gateway, nothing posted or executed. */
    private final class DryControlPlane implements ControlPlane {

        private final AgentIdentity agent;
        private final AgentConfiguration configuration;
        private final SessionScope scope;
        private final List<TranscriptItem> calls = new ArrayList<>();
        private final List<AppliedWorkflow> workflows = new ArrayList<>();
        private Optional<String> note = Optional.empty();

        DryControlPlane(AgentIdentity agent, AgentConfiguration configuration, SessionScope scope) {
            this.agent = agent;
            this.configuration = configuration;
            this.scope = scope;
        }

        @Override
        public AgentConfiguration configuration() {
            return configuration;
        }

        @Override
        public OptionalLong checkIn(long configVersion) {
            return OptionalLong.of(configuration.version());
        }

        @Override
        public Optional<Assignment> take(UUID instance, Duration wait) {
            return Optional.empty();
        }

        @Override
        public boolean renew(Assignment work) {
            return true;
        }

        @Override
        public boolean complete(Assignment work, SessionOutcome outcome) {
            return true;
        }

        /** Every call in the diagnosis phase, whatever the loop asks: in plan mode it asks for nothing else. */
        @Override
        public ToolAnswer callTool(UUID session, ToolRequest request) {
            TranscriptItem item = gateway.call(scope, ToolPhase.DIAGNOSIS, request.tool(), request.arguments());
            calls.add(item);
            return new ToolAnswer(item.outcome(), item.result(), Optional.empty());
        }

        @Override
        public PostedNote post(UUID session, TicketPost post) {
            if (post.kind() == TicketPost.Kind.NOTE) {
                note = Optional.of(post.text());
                workflows.addAll(post.workflows());
            }
            return new PostedNote("dry-run", false, true);
        }

        /** Booked to the client under the run's id, within its budget: a dry run's tokens are real ones. */
        @Override
        public String model(UUID session, String request) {
            return models.completeUnstored(agent, session, request);
        }
    }
}
