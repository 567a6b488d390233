package dev.steward.adapter.web.agentgateway;

import dev.steward.application.agent.message.Assignment;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.mode.EffectiveMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A work item handed to an agent ({@code POST /agent/v1/work/take}): the one mapping between {@link Assignment} and
 * JSON. {@code task.kind} is {@code start}, {@code follow-up} or {@code decided}; the task's other fields are those
 * of its kind (the rest are null).
 */
public record AssignmentJson(UUID work, UUID lease, Instant leaseUntil, int delivery, long configVersion,
                             SessionJson session, TaskJson task, List<StepResultJson> results, int pendingApprovals) {

    public record SessionJson(UUID id, String ticket, String requester, String mode) {}

    public record TaskJson(String kind, String request, String noteId, String text, UUID approval, String tool,
                           String reason, String decision, String by, String why) {}

    public record StepResultJson(String tool, String reason, String outcome, String summary, UUID approval) {}

    public static AssignmentJson from(Assignment a) {
        TaskJson task = switch (a.task()) {
            case Assignment.Task.Start s -> new TaskJson("start", s.request(), null, null, null, null, null, null,
                    null, null);
            case Assignment.Task.FollowUp f -> new TaskJson("follow-up", f.request(), f.noteId(), f.text(), null, null,
                    null, null, null, null);
            case Assignment.Task.Decided d -> new TaskJson("decided", null, null, null, d.approval(), d.tool().value(),
                    d.reason(), d.decision().name().toLowerCase(Locale.ROOT), d.by(), d.why());
        };
        return new AssignmentJson(a.work(), a.lease(), a.leaseUntil(), a.delivery(), a.configVersion(),
                new SessionJson(a.session().id(), a.session().ticket(), a.session().requester(),
                        a.session().mode().label()), task,
                a.results().stream().map(r -> new StepResultJson(r.tool().value(), r.reason(), r.outcome().label(),
                        r.summary(), r.approval().orElse(null))).toList(), a.pendingApprovals());
    }

    public Assignment toAssignment() {
        Assignment.Task parsed = switch (task.kind()) {
            case "start" -> new Assignment.Task.Start(task.request());
            case "follow-up" -> new Assignment.Task.FollowUp(task.request(), task.noteId(), task.text());
            case "decided" -> new Assignment.Task.Decided(task.approval(), ToolName.of(task.tool()), task.reason(),
                    Assignment.Decision.valueOf(task.decision().toUpperCase(Locale.ROOT)), task.by(), task.why());
            default -> throw new IllegalArgumentException("unknown task kind " + task.kind());
        };
        return new Assignment(work, lease, leaseUntil, delivery, configVersion, new Assignment.Session(session.id(),
                session.ticket(), session.requester(), EffectiveMode.parse("mode", session.mode())), parsed,
                results.stream().map(r -> new Assignment.StepResult(ToolName.of(r.tool()), r.reason(),
                        ActivityOutcome.valueOf(r.outcome().toUpperCase(Locale.ROOT)), r.summary(),
                        Optional.ofNullable(r.approval()))).toList(), pendingApprovals);
    }
}
