package dev.steward.application.runbook;

import dev.steward.application.port.StoredRunbook;
import dev.steward.domain.client.Slug;
import java.util.Objects;
import java.util.Optional;

/** A stored runbook as it may be shown: with the slug of the client it belongs to (none when MSP-wide). */
public record RunbookDetails(StoredRunbook runbook, Optional<Slug> client) {

    public RunbookDetails {
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(client, "client");
    }
}
