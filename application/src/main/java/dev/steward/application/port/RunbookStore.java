package dev.steward.application.port;

import dev.steward.application.spi.Stable;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;

/**
 * The runbooks each MSP wrote for the runbook reasoner: MSP-wide, or for one client. A name is unique within its
 * scope. ({@code RunbookStoreContract}.)
 */
@Stable
public interface RunbookStore {

    /**
     * Creates the runbook, or replaces the one its scope already holds under the same name (which keeps its id), or
     * replaces the one stored under its id (a rename). A runbook's scope never changes. First saves of one name at
     * once leave one runbook.
     *
     * @return what is stored now, with the id it is stored under
     * @throws dev.steward.application.problem.Conflict ({@code runbook.exists}) if renaming onto a name another
     *     runbook of the scope holds
     */
    StoredRunbook save(StoredRunbook runbook);

    /** Only if it belongs to {@code msp}: another MSP's runbook is not found. */
    Optional<StoredRunbook> find(MspId msp, RunbookId id);

    /** The MSP-wide runbooks ({@code client} empty) or those of one client, ordered by name. */
    List<StoredRunbook> list(MspId msp, Optional<ClientId> client);

    /** Removes it if it belongs to {@code msp}; succeeds if it is already gone. */
    void remove(MspId msp, RunbookId id);

    /** What applies to one client's requests: the client's runbooks, then the MSP-wide ones, each ordered by name. */
    List<StoredRunbook> forRequest(MspId msp, ClientId client);
}
