package dev.steward.application.port.client;

import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.Conflict;
import dev.steward.application.stability.Stable;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores clients, their agent status and its full history. The rules every implementation keeps (and
 * {@code ClientRepositoryContract} checks):
 * <ul>
 *   <li>A slug is unique within an MSP, destroyed clients included; two MSPs may use the same slug.</li>
 *   <li>Nothing of one MSP is returned by a query scoped to another.</li>
 *   <li>{@link #update} is optimistic: it succeeds only if the stored version is the one the client was loaded at.</li>
 *   <li>Every status change is kept, in order ({@link #history}), even after the client is destroyed.</li>
 * </ul>
 */
@Stable
public interface ClientRepository {

    /**
     * Stores a new client.
     *
     * @return the client at version 1
     * @throws Conflict ({@code slug.taken}) if the MSP already has a client with that slug; nothing is stored
     */
    Client add(Client client);

    Optional<Client> find(ClientId id);

    Optional<Client> find(MspId msp, Slug slug);

    /** A page of one MSP's clients, see {@link ClientQuery}. */
    List<Client> list(ClientQuery query);

    /**
     * Saves a changed client and appends its status changes that are not stored yet.
     *
     * @return the client at the next version
     * @throws Conflict ({@code version.stale}) if the stored version is not {@code client.version()}; nothing is saved
     * @throws dev.steward.application.problem.NotFound if there is no such client
     */
    Client update(Client client);

    /** Every status change of the client, oldest first; empty for an unknown client. */
    List<StatusChange> history(ClientId id);

    /**
     * Clients the reconciler should act on now, across all MSPs: creating or provisioning, and pending or error whose
     * retry is due at {@code now}. At most {@code limit} ids, those waiting longest first.
     */
    List<ClientId> dueForReconciliation(Instant now, int limit);

    /** Clients that are not destroyed, across all MSPs, ordered by id, after {@code after}: the full pass's pages. */
    List<Client> listLive(Optional<ClientId> after, int limit);

    /**
     * Claims a client for the rest of the current {@link UnitOfWork}: returns it if no other unit of work holds it,
     * empty if one does (it is not waited for) or it does not exist. Must be called inside
     * {@link UnitOfWork#inTransaction}; this is how several control planes share the work without doing it twice.
     */
    Optional<Client> claim(ClientId id);

    /**
     * The MSP's live (not destroyed) client mapped to this PSA company, if any; what routes an incoming ticket to
     * its client's agent. The default pages through {@link #list}; stores may answer it with an index.
     */
    default Optional<Client> findByPsaMapping(MspId msp, PsaMapping mapping) {
        Optional<Slug> after = Optional.empty();
        while (true) {
            List<Client> page = list(new ClientQuery(msp, Optional.empty(), Optional.empty(), after, ClientQuery.MAX_LIMIT));
            for (Client client : page) {
                if (!client.isDestroyed() && client.psaMapping().filter(mapping::equals).isPresent()) {
                    return Optional.of(client);
                }
            }
            if (page.size() < ClientQuery.MAX_LIMIT) {
                return Optional.empty();
            }
            after = Optional.of(page.getLast().slug());
        }
    }
}
