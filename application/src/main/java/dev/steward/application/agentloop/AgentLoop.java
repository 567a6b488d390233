package dev.steward.application.agentloop;

import dev.steward.application.port.ActivityLog;
import dev.steward.application.port.ApprovalRepository;
import dev.steward.application.port.PsaCapability;
import dev.steward.application.port.AgentRequest;
import dev.steward.application.port.IdGenerator;
import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.PsaNote;
import dev.steward.application.port.Reasoner;
import dev.steward.application.port.ReasonerStep;
import dev.steward.application.port.ReasoningContext;
import dev.steward.application.port.TicketSystem;
import dev.steward.application.port.TranscriptItem;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.prompt.ComposedPrompt;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One session's diagnosis: request → reasoner steps (every tool call through the {@link ToolGateway}) → exactly one
 * internal note on the source ticket with the diagnosis and the plan. Whatever the reasoner does (asks for write or
 * unknown tools, loops, fails), the session ends with that one note; the calls are bounded by {@link #MAX_TOOL_CALLS}.
 * The activity log gets the request line, one line per tool call (from the gateway) and the note line.
 */
public final class AgentLoop {

    /** Tool calls one diagnosis may make before it is cut short. */
    public static final int MAX_TOOL_CALLS = 12;
    private static final System.Logger LOG = System.getLogger(AgentLoop.class.getName());

    private final Reasoner reasoner;
    private final ToolGateway gateway;
    private final ActivityLog activity;
    private final ActivityLines lines;
    private final Clock clock;

    /** What a diagnosis produced: the note posted, and the plan for whoever carries it out. */
    public record Diagnosis(String diagnosis, List<PlannedAction> plan, List<TranscriptItem> checked, PsaNote note) {
        public Diagnosis {
            Objects.requireNonNull(diagnosis, "diagnosis");
            plan = List.copyOf(plan);
            checked = List.copyOf(checked);
            Objects.requireNonNull(note, "note");
        }
    }

    /** What carrying out a plan did: the calls made, the approvals it waits for, the reply (when nothing waits). */
    public record Execution(List<TranscriptItem> calls, List<ApprovalRequest> pending, Optional<PsaNote> reply) {
        public Execution {
            calls = List.copyOf(calls);
            pending = List.copyOf(pending);
            Objects.requireNonNull(reply, "reply");
        }
    }

    private final ApprovalRepository approvals;
    private final IdGenerator ids;

    @Inject
    public AgentLoop(Reasoner reasoner, ToolGateway gateway, ActivityLog activity, ApprovalRepository approvals,
                     IdGenerator ids, Clock clock) {
        this.reasoner = reasoner;
        this.gateway = gateway;
        this.activity = activity;
        this.approvals = approvals;
        this.ids = ids;
        this.lines = new ActivityLines(ids);
        this.clock = clock;
    }

    /**
     * Diagnoses {@code request} and posts the internal note on {@code scope.ticket()} in {@code psa}.
     *
     * @throws dev.steward.application.problem.PortFailure if the note cannot be posted (the caller decides on retry)
     */
    public Diagnosis diagnose(SessionScope scope, ComposedPrompt prompt, AgentRequest request, TicketSystem psa) {
        activity.append(lines.transcript(scope, ActivityKind.REQUEST, request.text(), clock.instant()));
        List<Tool> catalog = gateway.catalog(scope);
        List<TranscriptItem> transcript = new ArrayList<>();
        ReasonerStep.Finish finish = null;
        while (finish == null) {
            if (transcript.size() >= MAX_TOOL_CALLS) {
                finish = new ReasonerStep.Finish("Diagnosis stopped after " + MAX_TOOL_CALLS
                        + " tool calls without a conclusion; a technician should review what was checked.", List.of());
                break;
            }
            ReasonerStep step = nextStep(new ReasoningContext(prompt, request, catalog, transcript));
            switch (step) {
                case ReasonerStep.CallTool call -> transcript.add(gateway.call(scope, call.tool(), call.arguments()));
                case ReasonerStep.Finish done -> finish = done;
            }
        }
        String text = PlanNote.render(scope.mode(), finish.diagnosis(), transcript, finish.plan());
        PsaNote note = psa.addInternalNote(scope.ticket(), text);
        activity.append(lines.transcript(scope, ActivityKind.NOTE, text, clock.instant()));
        return new Diagnosis(finish.diagnosis(), finish.plan(), transcript, note);
    }

    /**
     * Execute mode, after the note: each planned action goes through the gateway under the session's mode. Tools
     * whose policy is auto run; each one that needs approval is raised as an {@link ApprovalRequest} and posted as an
     * approval comment on the ticket (when the PSA can), and then nobody is answered yet. When nothing waits, the
     * requester gets one reply saying what was done (and that a technician follows up on anything that failed).
     */
    public Execution carryOut(SessionScope scope, Diagnosis diagnosis, TicketSystem psa) {
        if (scope.mode() != EffectiveMode.EXECUTE) {
            throw new IllegalArgumentException("only an execute-mode session carries out its plan");
        }
        List<TranscriptItem> calls = new ArrayList<>();
        List<ApprovalRequest> pending = new ArrayList<>();
        String planText = diagnosis.note().text();
        for (PlannedAction action : diagnosis.plan()) {
            TranscriptItem item = gateway.call(scope, ToolGateway.Phase.EXECUTION, action.tool(), action.arguments());
            calls.add(item);
            if (item.outcome() == ActivityOutcome.AWAITING_APPROVAL) {
                pending.add(raiseApproval(scope, action, planText, psa));
            }
        }
        if (!pending.isEmpty()) {
            return new Execution(calls, pending, Optional.empty());
        }
        String text = ReplyText.render(diagnosis.plan(), calls);
        PsaNote reply = psa.addReply(scope.ticket(), text);
        activity.append(lines.transcript(scope, ActivityKind.REPLY, text, clock.instant()));
        return new Execution(calls, List.of(), Optional.of(reply));
    }

    private ApprovalRequest raiseApproval(SessionScope scope, PlannedAction action, String planText, TicketSystem psa) {
        ApprovalRequest request = ApprovalRequest.raise(ids.next(), scope.msp(), scope.client(), scope.session(),
                scope.ticket(), action.tool(), RedactedArguments.of(action.arguments()), planText, clock.instant());
        approvals.add(request);
        String text = "Approval needed: " + action.tool() + PlanNote.arguments(action.arguments())
                + (action.reason().isBlank() ? "" : " - " + action.reason().strip())
                + "\nApprove or deny it in Steward (request " + request.id() + ").";
        if (psa.capabilities().contains(PsaCapability.APPROVAL_COMMENTS)) {
            psa.addApprovalRequest(scope.ticket(), text);
        }
        activity.append(lines.transcript(scope, ActivityKind.APPROVAL, text, clock.instant()));
        return request;
    }

    /** The reasoner's step; a failure or a missing answer ends the diagnosis with an explanation instead. */
    private ReasonerStep nextStep(ReasoningContext context) {
        try {
            ReasonerStep step = reasoner.next(context);
            if (step == null) {
                return new ReasonerStep.Finish("The reasoner gave no answer; a technician should take this ticket.",
                        List.of());
            }
            return step;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reasoner failed for session {0}: {1}", context.request().session(), e.getMessage());
            return new ReasonerStep.Finish("The agent could not finish its diagnosis (" + e.getMessage()
                    + "); a technician should take this ticket.", List.of());
        }
    }
}
