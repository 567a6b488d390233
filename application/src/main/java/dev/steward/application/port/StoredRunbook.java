package dev.steward.application.port;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A runbook an MSP wrote: MSP-wide when {@code client} is empty, else for that one client. */
public record StoredRunbook(RunbookId id, MspId msp, Optional<ClientId> client, Runbook runbook, Instant updatedAt) {

    public StoredRunbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String name() {
        return runbook.name();
    }

    /** Same MSP and same client (or both MSP-wide): where a runbook's name must be unique. */
    public boolean sameScopeAs(StoredRunbook other) {
        return msp.equals(other.msp) && client.equals(other.client);
    }
}
