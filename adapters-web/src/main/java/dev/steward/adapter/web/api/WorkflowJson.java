package dev.steward.adapter.web.api;

import dev.steward.application.workflow.WorkflowDetails;
import dev.steward.domain.client.Slug;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowSteps;
import dev.steward.domain.workflow.WorkflowVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A workflow: its trigger (and the quoted phrases the runbook reasoner looks for), instructions, optional checks and
 * planned actions, status, scope ({@code msp}, {@code client} with the client's slug, or {@code builtin}), its
 * current version with who changed it when, and {@code history} (every version, oldest first; the current one only
 * in lists).
 */
public record WorkflowJson(String id, String name, String scope, String client, String trigger,
                           List<String> phrases, String instructions, List<CheckJson> checks,
                           List<ActionJson> actions, String status, int version, String changedBy,
                           Instant changedAt, List<VersionJson> history) {

    /** A check: a read-only tool and its argument templates ({@code {requester}} and the like are filled in). */
    public record CheckJson(String tool, Map<String, String> arguments) {
    }

    /** A planned action: a tool, its argument templates, and why. */
    public record ActionJson(String tool, Map<String, String> arguments, String reason) {
    }

    /** One version: its number, who made it and when. */
    public record VersionJson(int version, String changedBy, Instant changedAt) {
        static VersionJson from(WorkflowVersion version) {
            return new VersionJson(version.number(), version.changedBy(), version.changedAt());
        }
    }

    public static WorkflowJson from(WorkflowDetails details) {
        Workflow w = details.workflow();
        String scope = switch (w.scope()) {
            case WorkflowScope.OneClient c -> "client";
            case WorkflowScope.MspWide m -> "msp";
            case WorkflowScope.BuiltIn b -> "builtin";
        };
        return new WorkflowJson(w.id().toString(), w.name().value(), scope,
                details.client().map(Slug::value).orElse(null), w.trigger().sentence(), w.trigger().phrases(),
                w.instructions(), w.steps().checks().stream().map(WorkflowJson::check).toList(),
                w.steps().actions().stream().map(WorkflowJson::action).toList(), w.status().label(),
                w.version().number(), w.version().changedBy(), w.version().changedAt(),
                details.history().stream().map(VersionJson::from).toList());
    }

    private static CheckJson check(WorkflowSteps.Check check) {
        return new CheckJson(check.tool().value(), check.arguments());
    }

    private static ActionJson action(WorkflowSteps.Action action) {
        return new ActionJson(action.tool().value(), action.arguments(), action.reason());
    }
}
