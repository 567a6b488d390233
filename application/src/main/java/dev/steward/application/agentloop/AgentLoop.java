package dev.steward.application.agentloop;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.reasoning.AgentRequest;
import dev.steward.application.port.reasoning.BuiltInWorkflows;
import dev.steward.application.port.reasoning.PlannedAction;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowCatalog;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An agent's work on one assignment, in the agent's own process: request → reasoner steps (each tool call an agent-API
 * call the control plane's gateway decides) → exactly one internal note with the diagnosis and plan → in execute mode
 * each planned action under its policy (auto runs; approval-needed raises an approval request and an approval
 * comment, and the session pauses) → the requester told what was done, or — when nothing could be done — an internal
 * note and the ticket handed to a technician. Whatever the reasoner does (asks for write or unknown tools, loops,
 * fails), the turn ends with that one note; calls are bounded by {@link #MAX_TOOL_CALLS}.
 *
 * <p>Every effect is posted under a step named by the work item ({@code <work>:note}, {@code <work>:execute:2} …), so
 * a work item delivered again never writes or runs anything twice: the control plane answers a step it has seen with
 * what it recorded. If a redelivered item reaches a different plan than the note already posted (a model is not
 * deterministic), nothing is carried out and a technician is asked to look.
 */
public final class AgentLoop {

    /** Tool calls one diagnosis may make before it is cut short. */
    public static final int MAX_TOOL_CALLS = 12;
    private static final System.Logger LOG = System.getLogger(AgentLoop.class.getName());

    private final Reasoner reasoner;
    private final ControlPlane controlPlane;
    private final AgentConfiguration configuration;

    public AgentLoop(Reasoner reasoner, ControlPlane controlPlane, AgentConfiguration configuration) {
        this.reasoner = reasoner;
        this.controlPlane = controlPlane;
        this.configuration = configuration;
    }

    /** Works the assignment to its end. @return where it leaves the session */
    public SessionOutcome work(Assignment assignment) {
        return switch (assignment.task()) {
            case Assignment.Task.Start start -> turn(assignment, start.request());
            case Assignment.Task.FollowUp followUp -> turn(assignment, followUp.request()
                    + "\n\nFollow-up from the requester:\n" + followUp.text());
            case Assignment.Task.Decided decided -> decided(assignment, decided);
        };
    }

    /** What a diagnosis produced: its words, the plan, what was checked on the way, and the workflows applied. */
    private record Diagnosis(String text, List<PlannedAction> plan, List<TranscriptItem> checked,
                             List<AppliedWorkflow> applied) {
        Diagnosis(String text, List<PlannedAction> plan, List<TranscriptItem> checked) {
            this(text, plan, checked, List.of());
        }
    }

    private SessionOutcome turn(Assignment work, String requestText) {
        Assignment.Session session = work.session();
        Diagnosis diagnosis = diagnose(work, requestText);
        String note = PlanNote.render(session.mode(), diagnosis.text(), diagnosis.checked(), diagnosis.plan());
        PostedNote posted = controlPlane.post(session.id(), new TicketPost(step(work, "note"), TicketPost.Kind.NOTE,
                note, PlanNote.digest(diagnosis.plan()), diagnosis.applied()));
        if (session.mode() == EffectiveMode.PLAN) {
            return SessionOutcome.COMPLETED;
        }
        if (posted.replayed() && !posted.sameAsBefore()) {
            handOff(work, "This request was worked again after an interruption and reached a different plan than the"
                    + " note already on the ticket, so nothing was carried out. A technician should review it.");
            return SessionOutcome.COMPLETED;
        }
        List<Assignment.StepResult> results = new ArrayList<>();
        boolean waiting = false;
        List<PlannedAction> plan = diagnosis.plan();
        for (int i = 0; i < plan.size(); i++) {
            PlannedAction action = plan.get(i);
            ToolAnswer answer = controlPlane.callTool(session.id(), new ToolRequest(step(work, "execute:" + (i + 1)),
                    ToolPhase.EXECUTION, action.tool(), action.arguments(), action.reason(), Optional.empty()));
            results.add(new Assignment.StepResult(action.tool(), action.reason(), answer.outcome(), answer.result(),
                    answer.approval()));
            if (answer.outcome() == ActivityOutcome.AWAITING_APPROVAL) {
                waiting = true;
                controlPlane.post(session.id(), new TicketPost(step(work, "approval:" + (i + 1)),
                        TicketPost.Kind.APPROVAL_REQUEST, PlanNote.approvalRequest(action, answer.approval()), ""));
            }
        }
        return waiting ? SessionOutcome.AWAITING_APPROVAL : finish(work, results);
    }

    /** An approval was decided: run exactly the approved call, or tell the requester it was not approved. */
    private SessionOutcome decided(Assignment work, Assignment.Task.Decided decided) {
        Assignment.Session session = work.session();
        List<Assignment.StepResult> results = new ArrayList<>(work.results());
        if (decided.decision() == Assignment.Decision.APPROVED) {
            ToolAnswer answer = controlPlane.callTool(session.id(), new ToolRequest(step(work, "approved"),
                    ToolPhase.EXECUTION, decided.tool(), Map.of(), decided.reason(),
                    Optional.of(decided.approval())));
            results.replaceAll(r -> r.approval().filter(decided.approval()::equals).isPresent()
                    ? new Assignment.StepResult(r.tool(), r.reason(), answer.outcome(), answer.result(), r.approval())
                    : r);
        } else {
            controlPlane.post(session.id(), new TicketPost(step(work, "not-approved"), TicketPost.Kind.REPLY,
                    ReplyText.notApproved(decided.reason(), decided.why()), ""));
            controlPlane.post(session.id(), new TicketPost(step(work, "not-approved-note"), TicketPost.Kind.INTERNAL,
                    PlanNote.notApproved(decided), ""));
        }
        return work.pendingApprovals() > 0 ? SessionOutcome.AWAITING_APPROVAL : finish(work, results);
    }

    /**
     * The end of a plan: the requester hears what was done (and nothing about what was not); whatever failed, and a
     * plan that did nothing at all, goes to a technician with an internal note. Denied steps were told already. A
     * requester whose identity could not be verified is told so (the sensitive step was refused for it).
     */
    private SessionOutcome finish(Assignment work, List<Assignment.StepResult> results) {
        List<Assignment.StepResult> done = results.stream().filter(r -> r.outcome() == ActivityOutcome.OK).toList();
        List<Assignment.StepResult> failed = results.stream().filter(r -> r.outcome() == ActivityOutcome.FAILED
                || r.outcome() == ActivityOutcome.REFUSED_BY_MODE || r.outcome() == ActivityOutcome.REFUSED_BY_POLICY)
                .toList();
        boolean denied = results.stream().anyMatch(r -> r.outcome() == ActivityOutcome.DENIED);
        ReplyText.after(results).ifPresent(reply -> controlPlane.post(work.session().id(),
                new TicketPost(step(work, "reply"), TicketPost.Kind.REPLY, reply, "")));
        if (!failed.isEmpty() || (done.isEmpty() && !denied)) {
            handOff(work, PlanNote.handOff(failed));
        }
        return SessionOutcome.COMPLETED;
    }

    private void handOff(Assignment work, String text) {
        controlPlane.post(work.session().id(), new TicketPost(step(work, "hand-off"), TicketPost.Kind.HANDOFF, text,
                ""));
    }

    private Diagnosis diagnose(Assignment work, String requestText) {
        Assignment.Session session = work.session();
        AgentRequest request = new AgentRequest(session.id(), configuration.msp(), configuration.client(),
                session.ticket(), session.requester(), requestText);
        List<Tool> catalog = configuration.catalog();
        List<Workflow> inForce = WorkflowCatalog.forClient(configuration.msp(), configuration.client(),
                Stream.concat(configuration.workflows().stream(), BuiltInWorkflows.all().stream()).toList()).inForce();
        List<TranscriptItem> transcript = new ArrayList<>();
        while (true) {
            if (transcript.size() >= MAX_TOOL_CALLS) {
                return new Diagnosis("Diagnosis stopped after " + MAX_TOOL_CALLS + " tool calls without a "
                        + "conclusion; a technician should review what was checked.", List.of(), transcript);
            }
            ReasonerStep step = nextStep(new ReasoningContext(configuration.prompt(), request, catalog,
                    configuration.psa(), transcript, inForce));
            switch (step) {
                case ReasonerStep.CallTool call -> {
                    ToolAnswer answer = controlPlane.callTool(session.id(), new ToolRequest(
                            step(work, "diagnose:" + (transcript.size() + 1)), ToolPhase.DIAGNOSIS,
                            call.tool(), call.arguments(), "", Optional.empty()));
                    transcript.add(new TranscriptItem(call.tool(), call.arguments(), answer.outcome(),
                            answer.result()));
                }
                case ReasonerStep.Finish done -> {
                    return new Diagnosis(done.diagnosis(), done.plan(), transcript, done.applied());
                }
            }
        }
    }

    /**
     * The reasoner's step; a failure or a missing answer ends the diagnosis with an explanation instead — except when
     * the control plane could not be reached, which ends this attempt (the work item is delivered again).
     */
    private ReasonerStep nextStep(ReasoningContext context) {
        try {
            ReasonerStep step = reasoner.next(context);
            if (step == null) {
                return new ReasonerStep.Finish("The reasoner gave no answer; a technician should take this ticket.",
                        List.of());
            }
            return step;
        } catch (PortFailure e) {
            if (e.retryable() && ControlPlane.PORT.equals(e.port())) {
                throw e;
            }
            return failed(context, e);
        } catch (RuntimeException e) {
            return failed(context, e);
        }
    }

    private static ReasonerStep failed(ReasoningContext context, RuntimeException e) {
        LOG.log(Level.WARNING, "reasoner failed for session {0}: {1}", context.request().session(), e.getMessage());
        return new ReasonerStep.Finish("The agent could not finish its diagnosis (" + e.getMessage()
                + "); a technician should take this ticket.", List.of());
    }

    private static String step(Assignment work, String name) {
        return work.work() + ":" + name;
    }
}
