package dev.steward.application.runbook;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.RunbookId;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.problem.NotFound;
import dev.steward.application.security.Permission;
import java.util.Optional;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import java.util.UUID;

/** Loading runbooks by the keys callers hold. */
final class RunbookLookup {

    private RunbookLookup() {
    }

    /** @throws NotFound if the MSP has no such runbook (a malformed id cannot name one either) */
    static StoredRunbook require(RunbookStore runbooks, MspId msp, String id) {
        RunbookId parsed;
        try {
            parsed = new RunbookId(UUID.fromString(String.valueOf(id)));
        } catch (IllegalArgumentException e) {
            throw new NotFound("runbook", String.valueOf(id));
        }
        return runbooks.find(msp, parsed).orElseThrow(() -> new NotFound("runbook", id));
    }

    /** What changing a runbook of this scope needs: the MSP-wide ones are an admin's, a client's a technician's. */
    static Permission permissionFor(Optional<?> client) {
        return client.isPresent() ? Permission.CHANGE_CLIENT_WORKFLOWS : Permission.CHANGE_MSP_WORKFLOWS;
    }

    static RunbookDetails details(StoredRunbook runbook, ClientRepository clients) {
        return new RunbookDetails(runbook, runbook.client().flatMap(clients::find).map(Client::slug));
    }
}
