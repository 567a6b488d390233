package dev.steward.application.ticket;

import dev.steward.application.agent.WorkArrivals;
import dev.steward.application.agentloop.ActivityLines;
import dev.steward.application.agentloop.SessionScope;
import dev.steward.application.approval.DecideApprovalCommand;
import dev.steward.application.approval.DecideApprovalUseCase;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.psa.PsaCapability;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.approval.ApprovalCommand;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.DomainException;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.session.NoteMark;
import dev.steward.domain.user.EmailAddress;
import dev.steward.domain.user.User;
import dev.steward.domain.work.WorkItem;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class IntakeTicketService implements IntakeTicketUseCase {

    private static final System.Logger LOG = System.getLogger(IntakeTicketService.class.getName());

    private final CommandValidator validator;
    private final TicketSystems ticketSystems;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final SessionRepository sessions;
    private final WorkQueue queue;
    private final WorkArrivals arrivals;
    private final SessionEffects effects;
    private final ApprovalRepository approvals;
    private final DecideApprovalUseCase decide;
    private final UserRepository users;
    private final ActivityLog activity;
    private final ActivityLines lines;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    @Inject
    public IntakeTicketService(CommandValidator validator, TicketSystems ticketSystems, ClientRepository clients,
                               MspRepository msps, SessionRepository sessions, WorkQueue queue, WorkArrivals arrivals,
                               SessionEffects effects, ApprovalRepository approvals, DecideApprovalUseCase decide,
                               UserRepository users, ActivityLog activity, UnitOfWork unitOfWork, IdGenerator ids,
                               Clock clock) {
        this.validator = validator;
        this.ticketSystems = ticketSystems;
        this.clients = clients;
        this.msps = msps;
        this.sessions = sessions;
        this.queue = queue;
        this.arrivals = arrivals;
        this.effects = effects;
        this.approvals = approvals;
        this.decide = decide;
        this.users = users;
        this.activity = activity;
        this.lines = new ActivityLines(ids);
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public IntakeResult intake(IntakeTicketCommand command) {
        validator.check(command).throwIfAny();
        Msp msp = msps.find(command.msp()).orElseThrow(() -> new NotFound("msp", command.msp().toString()));
        TicketSystem psa = ticketSystems.of(msp.id(), command.integrationKind());
        PsaTicket ticket = psa.ticket(command.ticketId());
        Optional<Client> routed = clients.findByPsaMapping(msp.id(), new PsaMapping(psa.kind(), ticket.companyId()));
        if (routed.isEmpty()) {
            return new IntakeResult.Skipped(ticket.id(), "no client is mapped to " + psa.kind() + " company "
                    + ticket.companyId());
        }
        Client client = routed.get();
        Optional<AgentSession> existing = sessions.find(client.id(), AgentSession.Channel.TICKET, ticket.id());
        if (ticket.closed()) {
            return existing.filter(s -> s.state() != AgentSession.State.CLOSED)
                    .<IntakeResult>map(s -> close(client, s))
                    .orElseGet(() -> new IntakeResult.Skipped(ticket.id(), "the ticket is closed"));
        }
        if (existing.isEmpty()) {
            return start(msp, client, psa, ticket);
        }
        if (existing.get().mayRestart()) {
            return restart(client, existing.get(), ticket);
        }
        return readNotes(msp, client, psa, ticket, existing.get());
    }

    /** A new ticket: its session, the request line, and the work item that starts it, in one unit of work. */
    private IntakeResult start(Msp msp, Client client, TicketSystem psa, PsaTicket ticket) {
        Optional<NoteMark> seen = newest(notesOf(psa, ticket), Optional.empty());
        Instant now = clock.instant();
        AgentSession fresh = AgentSession.start(ids.next(), client.id(), AgentSession.Channel.TICKET, ticket.id(),
                ticket.requester(), client.effectiveMode(msp.defaultMode()), client.configVersion(), now);
        AgentSession initial = seen.map(fresh::withNotesSeen).orElse(fresh);
        AgentSession session = unitOfWork.inTransaction(() -> {
            AgentSession stored = sessions.addIfAbsent(initial);
            if (stored.id().equals(initial.id())) {
                activity.append(lines.transcript(scopeOf(client, stored), ActivityKind.REQUEST, ticket.requestText(),
                        now));
                queue.add(WorkItem.newTicket(ids.next(), client.msp(), client.id(), stored.id(), 1,
                        ticket.requestText(), now));
            }
            return stored;
        });
        if (!session.id().equals(initial.id())) {
            return new IntakeResult.AlreadyHandled(ticket.id(), session.id());
        }
        arrivals.signal(client.id());
        return new IntakeResult.Queued(ticket.id(), session.id(), 1);
    }

    /** A session that failed before its note reached the ticket runs again; one that got that far never does. */
    private IntakeResult restart(Client client, AgentSession failed, PsaTicket ticket) {
        Instant now = clock.instant();
        Optional<AgentSession> restarted = unitOfWork.inTransaction(() -> {
            Optional<AgentSession> running = sessions.restartFailed(failed.id(), now);
            running.ifPresent(session -> {
                activity.append(lines.message(scopeOf(client, session), ActivityOutcome.OK,
                        "The session failed before its note reached the ticket; it runs again.", now));
                queue.add(WorkItem.newTicket(ids.next(), client.msp(), client.id(), session.id(), now.toEpochMilli(),
                        ticket.requestText(), now));
            });
            return running;
        });
        if (restarted.isEmpty()) {
            return new IntakeResult.AlreadyHandled(ticket.id(), failed.id());
        }
        arrivals.signal(client.id());
        return new IntakeResult.Queued(ticket.id(), failed.id(), 1);
    }

    private IntakeResult close(Client client, AgentSession session) {
        Instant now = clock.instant();
        unitOfWork.run(() -> {
            sessions.update(session.closed(now));
            int dropped = queue.finishSession(client.id(), session.id());
            for (ApprovalRequest pending : approvals.ofSession(client.msp(), session.id())) {
                if (pending.isPending()) {
                    ApprovalRequest expired = approvals.decide(pending.expire(now, "the ticket was closed"));
                    activity.append(expired.decisionEntry(ids.next()));
                }
            }
            activity.append(lines.message(scopeOf(client, session), ActivityOutcome.OK, "The ticket was closed; the"
                    + " session ended" + (dropped > 0 ? " and " + dropped + " waiting request(s) with it." : "."), now));
        });
        return new IntakeResult.Closed(session.externalReference(), session.id());
    }

    /** The notes written since intake last looked: the requester's become follow-ups, approve/deny notes decide. */
    private IntakeResult readNotes(Msp msp, Client client, TicketSystem psa, PsaTicket ticket, AgentSession session) {
        List<PsaNote> fresh = notesOf(psa, ticket).stream()
                .filter(n -> session.notesSeen().map(m -> !m.covers(n.createdAt(), n.id())).orElse(true)).toList();
        if (fresh.isEmpty()) {
            return new IntakeResult.AlreadyHandled(ticket.id(), session.id());
        }
        int queued = 0;
        for (PsaNote note : fresh) {
            if (effects.wroteNote(client.id(), note.id())) {
                continue; // Steward's own note: loop prevention
            }
            if (note.visibility() == PsaNote.Visibility.INTERNAL) {
                decideFrom(msp, client, session, note);
            } else if (note.author().role() == PsaNote.Author.Role.CONTACT && session.isOpen()) {
                queued += followUp(client, session, psa.kind(), note, ticket) ? 1 : 0;
            }
        }
        NoteMark mark = newest(fresh, session.notesSeen()).orElseThrow();
        sessions.update(sessions.find(session.id()).orElse(session).withNotesSeen(mark));
        if (queued > 0) {
            arrivals.signal(client.id());
            return new IntakeResult.Queued(ticket.id(), session.id(), queued);
        }
        return new IntakeResult.AlreadyHandled(ticket.id(), session.id());
    }

    private boolean followUp(Client client, AgentSession session, String kind, PsaNote note, PsaTicket ticket) {
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            boolean added = queue.add(WorkItem.followUp(ids.next(), client.msp(), client.id(), session.id(), kind,
                    note.id(), note.text(), ticket.requestText(), now));
            if (added) {
                activity.append(lines.transcript(scopeOf(client, session), ActivityKind.REQUEST, "Follow-up from "
                        + who(note) + ":\n" + note.text(), now));
            }
            return added;
        });
    }

    /**
     * A technician's internal note that approves or denies: decides every pending approval of the session, as the
     * Steward user the note's author is (matched by e-mail, admins and technicians of this MSP only).
     */
    private void decideFrom(Msp msp, Client client, AgentSession session, PsaNote note) {
        Optional<ApprovalCommand> command = ApprovalCommand.parse(note.text());
        if (command.isEmpty()) {
            return;
        }
        SessionScope scope = scopeOf(client, session);
        if (command.get() instanceof ApprovalCommand.Unknown unknown) {
            refused(scope, "Ignored note " + note.id() + " by " + who(note) + ": '" + unknown.word()
                    + "' is not an approval command (write approve or deny, then the reason if any).");
            return;
        }
        Optional<User> decider = emailOf(note).flatMap(users::findByEmail)
                .filter(u -> u.msp().equals(msp.id()) && u.role().mayDecideApprovals());
        if (decider.isEmpty()) {
            refused(scope, "Ignored the approval command in note " + note.id() + ": its author " + who(note)
                    + " is not an admin or technician of this MSP in Steward.");
            return;
        }
        List<ApprovalRequest> pending = approvals.ofSession(msp.id(), session.id()).stream()
                .filter(ApprovalRequest::isPending).toList();
        if (pending.isEmpty()) {
            refused(scope, "Note " + note.id() + " by " + who(note) + " answers no waiting approval of this session.");
            return;
        }
        boolean approve = command.get() instanceof ApprovalCommand.Approve;
        String reason = command.get() instanceof ApprovalCommand.Approve a ? a.reason()
                : ((ApprovalCommand.Deny) command.get()).reason();
        for (ApprovalRequest request : pending) {
            try {
                decide.decide(new DecideApprovalCommand(msp.id(), request.id().toString(), approve
                        ? DecideApprovalCommand.Decision.APPROVE : DecideApprovalCommand.Decision.DENY,
                        decider.get().email().value() + " (PSA note)", decider.get().role(), reason));
            } catch (Conflict | DomainException decidedMeanwhile) {
                LOG.log(Level.INFO, "approval {0} was decided meanwhile: {1}", request.id(),
                        decidedMeanwhile.getMessage());
            }
        }
    }

    private void refused(SessionScope scope, String text) {
        LOG.log(Level.INFO, "ticket {0}: {1}", scope.ticket(), text);
        activity.append(lines.message(scope, ActivityOutcome.REFUSED_BY_POLICY, text, clock.instant()));
    }

    private static Optional<EmailAddress> emailOf(PsaNote note) {
        try {
            return note.author().email().isBlank() ? Optional.empty()
                    : Optional.of(new EmailAddress(note.author().email()));
        } catch (DomainException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String who(PsaNote note) {
        PsaNote.Author author = note.author();
        String name = author.name().isBlank() ? "an unknown author" : author.name();
        return author.email().isBlank() ? name : name + " <" + author.email() + ">";
    }

    private static List<PsaNote> notesOf(TicketSystem psa, PsaTicket ticket) {
        return psa.capabilities().contains(PsaCapability.READ_TICKETS) ? psa.notes(ticket.id()) : List.of();
    }

    private static Optional<NoteMark> newest(List<PsaNote> notes, Optional<NoteMark> from) {
        Optional<NoteMark> mark = from;
        for (PsaNote note : notes) {
            mark = Optional.of(mark.map(m -> m.advancedTo(note.createdAt(), note.id()))
                    .orElseGet(() -> new NoteMark(note.createdAt(), note.id())));
        }
        return mark;
    }

    private static SessionScope scopeOf(Client client, AgentSession session) {
        return SessionScope.of(client.msp(), session);
    }
}
