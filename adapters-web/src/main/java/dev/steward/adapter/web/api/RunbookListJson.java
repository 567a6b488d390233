package dev.steward.adapter.web.api;

import dev.steward.application.runbook.RunbookDetails;
import java.util.List;

/** The runbooks of one scope (MSP-wide or one client's), ordered by name. */
public record RunbookListJson(List<RunbookJson> items) {

    public static RunbookListJson from(List<RunbookDetails> runbooks) {
        return new RunbookListJson(runbooks.stream().map(RunbookJson::from).toList());
    }
}
