package dev.steward.application.ticket;

import dev.steward.application.agentloop.AgentLoop;
import dev.steward.application.agentloop.SessionScope;
import dev.steward.application.port.ActivityLog;
import dev.steward.application.port.ActivityQuery;
import dev.steward.application.port.AgentRequest;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IdGenerator;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.PsaTicket;
import dev.steward.application.port.SessionRepository;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.port.TicketSystems;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptTiers;
import dev.steward.domain.session.AgentSession;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * A session that failed before posting its note (the PSA or a model was down) is run again by the next delivery or
 * poll of the same ticket; one that got as far as its note never is.
 *
 * <p>Orchestrates intake: check → re-read the ticket → route → claim the ticket's one session → diagnose (one internal
 * note) → in execute mode carry out the plan (auto tools run, approvals raised, a reply when nothing waits) → end the
 * session, or leave it awaiting approval. Idempotent by (client, PSA ticket id): the session store lets exactly one caller start it.
 */
public final class IntakeTicketService implements IntakeTicketUseCase {

    private final CommandValidator validator;
    private final TicketSystems ticketSystems;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final SessionRepository sessions;
    private final ActivityLog activity;
    private final AgentLoop loop;
    private final IdGenerator ids;
    private final Clock clock;

    @Inject
    public IntakeTicketService(CommandValidator validator, TicketSystems ticketSystems, ClientRepository clients,
                               MspRepository msps, SessionRepository sessions, ActivityLog activity, AgentLoop loop,
                               IdGenerator ids, Clock clock) {
        this.validator = validator;
        this.ticketSystems = ticketSystems;
        this.clients = clients;
        this.msps = msps;
        this.sessions = sessions;
        this.activity = activity;
        this.loop = loop;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public IntakeResult intake(IntakeTicketCommand command) {
        validator.check(command).throwIfAny();
        Msp msp = msps.find(command.msp()).orElseThrow(() -> new NotFound("msp", command.msp().toString()));
        TicketSystem psa = ticketSystems.of(msp.id(), command.integrationKind());
        PsaTicket ticket = psa.ticket(command.ticketId());
        return take(msp, psa, ticket);
    }

    /** Whether the session got as far as its note (then it is never run again: a second note is worse). */
    private boolean notePosted(Msp msp, AgentSession session) {
        return activity.query(new ActivityQuery(msp.id(), Optional.of(session.client()),
                Optional.of(session.externalReference()), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), ActivityQuery.MAX_LIMIT)).stream()
                .anyMatch(e -> e.kind() == ActivityKind.NOTE && e.session().filter(session.id()::equals).isPresent());
    }

    /** Routes and runs an already read ticket (the poller has it from its list). */
    IntakeResult take(Msp msp, TicketSystem psa, PsaTicket ticket) {
        if (ticket.closed()) {
            return new IntakeResult.Skipped(ticket.id(), "the ticket is closed");
        }
        Optional<Client> routed = clients.findByPsaMapping(msp.id(), new PsaMapping(psa.kind(), ticket.companyId()));
        if (routed.isEmpty()) {
            return new IntakeResult.Skipped(ticket.id(), "no client is mapped to " + psa.kind() + " company "
                    + ticket.companyId());
        }
        Client client = routed.get();
        EffectiveMode mode = client.effectiveMode(msp.defaultMode());
        AgentSession fresh = AgentSession.start(ids.next(), client.id(), AgentSession.Channel.TICKET, ticket.id(),
                ticket.requester(), mode, client.configVersion(), clock.instant());
        AgentSession session = sessions.addIfAbsent(fresh);
        if (!session.id().equals(fresh.id())) {
            Optional<AgentSession> retry = session.state() == AgentSession.State.FAILED && !notePosted(msp, session)
                    ? sessions.restartFailed(session.id(), clock.instant()) : Optional.empty();
            if (retry.isEmpty()) {
                return new IntakeResult.AlreadyHandled(ticket.id(), session.id());
            }
            session = retry.get();
            mode = session.mode();
        }
        SessionScope scope = new SessionScope(msp.id(), client.id(), session.id(), ticket.id(), mode);
        AgentRequest request = new AgentRequest(session.id(), msp.id(), client.id(), ticket.id(), ticket.requester(),
                ticket.requestText());
        try {
            AgentLoop.Diagnosis diagnosis = loop.diagnose(scope, PromptTiers.of(msp.prompt(), client.prompt()).compose(),
                    request, psa);
            if (mode == EffectiveMode.EXECUTE && !loop.carryOut(scope, diagnosis, psa).pending().isEmpty()) {
                sessions.update(session.awaitingApproval());
            } else {
                sessions.update(session.ended(AgentSession.State.COMPLETED, clock.instant()));
            }
            return new IntakeResult.Handled(ticket.id(), session.id(), diagnosis.note().id());
        } catch (RuntimeException e) {
            sessions.update(session.ended(AgentSession.State.FAILED, clock.instant()));
            throw e;
        }
    }
}
