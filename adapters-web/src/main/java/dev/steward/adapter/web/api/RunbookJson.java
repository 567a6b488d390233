package dev.steward.adapter.web.api;

import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Runbook;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.runbook.RunbookDetails;
import dev.steward.domain.client.Slug;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored runbook: trigger phrases, read-only checks and planned actions, MSP-wide or one client's. */
public record RunbookJson(String id, String name, String scope, String client, List<String> triggers,
                          List<StepJson> diagnosis, List<ActionJson> plan, Instant updatedAt) {

    /** A read-only check: a tool and its argument templates ({@code {requester}} is filled in). */
    public record StepJson(String tool, Map<String, String> arguments) {
        static StepJson from(Runbook.Step step) {
            return new StepJson(step.tool().value(), step.arguments());
        }
    }

    /** A planned action: a tool, its argument templates and why. */
    public record ActionJson(String tool, Map<String, String> arguments, String reason) {
        static ActionJson from(PlannedAction action) {
            return new ActionJson(action.tool().value(), action.arguments(), action.reason());
        }
    }

    public static RunbookJson from(RunbookDetails details) {
        StoredRunbook stored = details.runbook();
        Runbook r = stored.runbook();
        return new RunbookJson(stored.id().toString(), r.name(), stored.client().isPresent() ? "client" : "msp",
                details.client().map(Slug::value).orElse(null), r.triggers(),
                r.diagnosis().stream().map(StepJson::from).toList(), r.plan().stream().map(ActionJson::from).toList(),
                stored.updatedAt());
    }
}
