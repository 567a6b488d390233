package dev.steward.adapter.web.api;

import dev.steward.application.runbook.SaveRunbookCommand;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;

/** Write a runbook: its name, trigger phrases, read-only checks and planned actions. */
public record SaveRunbookJson(String name, List<String> triggers, List<RunbookJson.StepJson> diagnosis,
                              List<RunbookJson.ActionJson> plan) {

    /** Missing check or action lists count as none: a runbook may only plan, or only check. */
    public SaveRunbookCommand toCommand(MspId msp, Optional<String> client, Optional<String> id, UserRole role) {
        return new SaveRunbookCommand(msp, client, id, name, triggers,
                diagnosis == null ? List.of() : diagnosis.stream().map(s -> s == null ? null
                        : new SaveRunbookCommand.Step(s.tool(), s.arguments())).toList(),
                plan == null ? List.of() : plan.stream().map(a -> a == null ? null
                        : new SaveRunbookCommand.Action(a.tool(), a.arguments(), a.reason())).toList(), role);
    }
}
