package dev.steward.application.agent;

import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agentloop.ActivityLines;
import dev.steward.application.agentloop.SessionScope;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.SessionEffect;
import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.psa.PsaCapability;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.problem.DomainException;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.workflow.AppliedWorkflow;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Posts on the session's ticket with the PSA the client is mapped to. Each step is recorded before the PSA is asked
 * and finished with the note's id after, so a redelivered work item gets the note already posted. A step that was
 * begun but never finished (the PSA failed, or a process died mid-post) looks at the ticket first: a note with the
 * same text already there is the one that step posted, and nothing is written twice. Every note id Steward posts is
 * kept, which is how intake recognises its own notes and never makes work of them.
 */
public final class PostToTicketService implements PostToTicketUseCase {

    static final int MAX_TEXT = 20_000;
    static final int MAX_WORKFLOWS = 100;
    private static final System.Logger LOG = System.getLogger(PostToTicketService.class.getName());

    private final SessionRepository sessions;
    private final ClientRepository clients;
    private final TicketSystems ticketSystems;
    private final SessionEffects effects;
    private final ActivityLog activity;
    private final ActivityLines lines;
    private final HandoffStatus handoffStatus;
    private final WorkflowStore workflows;
    private final Clock clock;

    @Inject
    public PostToTicketService(SessionRepository sessions, ClientRepository clients, TicketSystems ticketSystems,
                               SessionEffects effects, ActivityLog activity, IdGenerator ids,
                               HandoffStatus handoffStatus, WorkflowStore workflows, Clock clock) {
        this.sessions = sessions;
        this.clients = clients;
        this.ticketSystems = ticketSystems;
        this.effects = effects;
        this.activity = activity;
        this.lines = new ActivityLines(ids);
        this.handoffStatus = handoffStatus;
        this.workflows = workflows;
        this.clock = clock;
    }

    @Override
    public PostedNote post(AgentIdentity agent, UUID sessionId, TicketPost post) {
        check(post);
        AgentSession session = AgentSessions.require(sessions, agent, sessionId);
        if (session.state() == AgentSession.State.CLOSED) {
            throw Conflict.of("session.closed", "the ticket of this session was closed; nothing more is posted on it");
        }
        TicketSystem psa = psaOf(agent);
        SessionScope scope = SessionScope.of(agent.msp(), session);
        String fingerprint = post.planDigest().isBlank() ? Fingerprints.text(post.kind().name(), post.text())
                : post.kind().name() + ":" + post.planDigest();
        SessionEffects.Begun begun = effects.begin(SessionEffect.begun(session.id(), agent.client(), post.step(),
                kindOf(post.kind()), fingerprint, Optional.empty(), "", clock.instant()));
        SessionEffect effect = begun.effect();
        if (begun instanceof SessionEffects.Begun.Existing && effect.finished()) {
            return new PostedNote(effect.noteId().orElse(""), true, effect.fingerprint().equals(fingerprint));
        }
        Optional<PsaNote> already = begun instanceof SessionEffects.Begun.Existing
                ? postedEarlier(psa, scope.ticket(), effect.fingerprint().equals(fingerprint) ? post.text() : null)
                : Optional.empty();
        PsaNote note = already.orElseGet(() -> write(psa, scope.ticket(), post));
        effects.finish(effect.done(ActivityOutcome.OK, post.text(), Optional.of(note.id()), Optional.empty()));
        if (already.isEmpty()) {
            activity.append(lines.transcript(scope, activityKindOf(post.kind()), withWorkflows(post, deliveryOf(note)),
                    clock.instant()));
        }
        // recorded again on a replay: the store keeps each version once, and a lost answer must not lose the record
        workflows.recordUse(agent.msp(), session.id(), post.workflows());
        if (post.kind() == TicketPost.Kind.NOTE && !session.notePosted()) {
            sessions.update(sessions.find(session.id()).orElse(session).withNotePosted());
        }
        if (post.kind() == TicketPost.Kind.HANDOFF) {
            moveToHandoffStatus(psa, scope, post.step());
        }
        boolean replayed = already.isPresent();
        return new PostedNote(note.id(), replayed, effect.fingerprint().equals(fingerprint));
    }

    /** A reply the PSA only posted says so in the activity entry, so nobody believes the requester was e-mailed. */
    private static String deliveryOf(PsaNote note) {
        return note.delivery().state() == PsaNote.Delivery.State.POSTED_NOT_EMAILED
                ? "\n[" + note.delivery().describe() + "]" : "";
    }

    /**
     * The note's text as its activity entry shows it: then how a reply was delivered when it was not e-mailed, then
     * the workflow versions its diagnosis applied. A note too long for an entry is cut before them, so they are never
     * the part lost.
     */
    private static String withWorkflows(TicketPost post, String delivery) {
        String applied = post.workflows().isEmpty() ? "" : "\n\nWorkflows applied: " + post.workflows().stream()
                .map(AppliedWorkflow::label).collect(Collectors.joining(", "));
        String tail = delivery + applied;
        if (tail.isEmpty()) {
            return post.text();
        }
        int room = ActivityEntry.MAX_SUMMARY - tail.length();
        String text = post.text().length() <= room ? post.text() : post.text().substring(0, room - 1) + "…";
        return text + tail;
    }

    private static void check(TicketPost post) {
        List<FieldViolation> violations = new ArrayList<>();
        if (post.step().isBlank() || post.step().length() > SessionEffect.MAX_STEP - 10) {
            violations.add(new FieldViolation("step", "step.invalid", "must be 1-" + (SessionEffect.MAX_STEP - 10)
                    + " characters"));
        }
        if (post.text().isBlank()) {
            violations.add(new FieldViolation("text", "text.required", "is required"));
        } else if (post.text().length() > MAX_TEXT) {
            violations.add(new FieldViolation("text", "text.too-long", "must be at most " + MAX_TEXT + " characters"));
        }
        if (post.workflows().size() > MAX_WORKFLOWS) {
            violations.add(new FieldViolation("workflows", "workflows.too-many", "must be at most " + MAX_WORKFLOWS));
        }
        if (post.planDigest().length() > 128) {
            violations.add(new FieldViolation("planDigest", "planDigest.too-long", "must be at most 128 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
    }

    private TicketSystem psaOf(AgentIdentity agent) {
        PsaMapping mapping = clients.find(agent.client()).flatMap(Client::psaMapping)
                .orElseThrow(() -> Conflict.of("client.not-mapped", "the client is no longer mapped to a PSA company"));
        return ticketSystems.of(agent.msp(), mapping.integrationKind());
    }

    private static PsaNote write(TicketSystem psa, String ticket, TicketPost post) {
        return switch (post.kind()) {
            case NOTE, INTERNAL, HANDOFF -> psa.addInternalNote(ticket, post.text());
            case REPLY -> psa.addReply(ticket, post.text());
            case APPROVAL_REQUEST -> psa.capabilities().contains(PsaCapability.APPROVAL_COMMENTS)
                    ? psa.addApprovalRequest(ticket, post.text()) : psa.addInternalNote(ticket, post.text());
        };
    }

    /** A note with this text on the ticket, from an attempt whose answer was lost. */
    private static Optional<PsaNote> postedEarlier(TicketSystem psa, String ticket, String text) {
        if (text == null || !psa.capabilities().contains(PsaCapability.READ_TICKETS)) {
            return Optional.empty();
        }
        String wanted = normalised(text);
        return psa.notes(ticket).stream().filter(n -> normalised(n.text()).equals(wanted)).reduce((a, b) -> b);
    }

    private static String normalised(String text) {
        return text.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }

    /** The hand-off's second half; a PSA that cannot (no such status, no status updates) is logged, not an error. */
    private void moveToHandoffStatus(TicketSystem psa, SessionScope scope, String step) {
        SessionEffects.Begun begun = effects.begin(SessionEffect.begun(scope.session(), scope.client(),
                step + ":status", SessionEffect.Kind.TICKET_STATUS, "status:" + handoffStatus.label(),
                Optional.empty(), "", clock.instant()));
        if (begun.effect().finished()) {
            return;
        }
        String summary;
        ActivityOutcome outcome;
        try {
            psa.updateStatus(scope.ticket(), handoffStatus.label());
            outcome = ActivityOutcome.OK;
            summary = "ticket moved to status '" + handoffStatus.label() + "' for a technician";
        } catch (ApplicationException | DomainException e) {
            outcome = ActivityOutcome.FAILED;
            summary = "ticket could not be moved to status '" + handoffStatus.label() + "': " + e.getMessage();
            LOG.log(Level.WARNING, "hand-off of ticket {0}: {1}", scope.ticket(), summary);
        }
        effects.finish(begun.effect().done(outcome, summary, Optional.empty(), Optional.empty()));
        activity.append(lines.message(scope, outcome, summary, clock.instant()));
    }

    private static SessionEffect.Kind kindOf(TicketPost.Kind kind) {
        return switch (kind) {
            case NOTE -> SessionEffect.Kind.NOTE;
            case INTERNAL -> SessionEffect.Kind.INTERNAL_NOTE;
            case REPLY -> SessionEffect.Kind.REPLY;
            case APPROVAL_REQUEST -> SessionEffect.Kind.APPROVAL_REQUEST;
            case HANDOFF -> SessionEffect.Kind.HANDOFF_NOTE;
        };
    }

    private static ActivityKind activityKindOf(TicketPost.Kind kind) {
        return switch (kind) {
            case NOTE, INTERNAL, HANDOFF -> ActivityKind.NOTE;
            case REPLY -> ActivityKind.REPLY;
            case APPROVAL_REQUEST -> ActivityKind.APPROVAL;
        };
    }
}
