package dev.steward.adapter.persistence;

import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL client store with a one-second copy of client reads by slug outside transactions: the read that
 * the API's client detail and the dashboard's 5-second polling make over and over. Reads inside a unit of work (every
 * change, the reconciler) always go to the database. See {@link RecentReads} for what stays consistent.
 */
public final class CachedClientRepository implements ClientRepository {

    static final Duration TTL = Duration.ofSeconds(1);

    private record Key(MspId msp, Slug slug) {}

    private final JdbiClientRepository database;
    private final JdbiUnitOfWork unitOfWork;
    private final RecentReads<Key, Client> bySlug;

    @Inject
    public CachedClientRepository(JdbiClientRepository database, JdbiUnitOfWork unitOfWork, Clock clock) {
        this.database = database;
        this.unitOfWork = unitOfWork;
        this.bySlug = new RecentReads<>(clock, TTL, 50_000);
    }

    @Override
    public Optional<Client> find(MspId msp, Slug slug) {
        if (unitOfWork.inTransaction()) {
            return database.find(msp, slug);
        }
        return bySlug.get(new Key(msp, slug), () -> database.find(msp, slug));
    }

    @Override
    public Client add(Client client) {
        return forgettingAfterCommit(database.add(client));
    }

    @Override
    public Client update(Client client) {
        return forgettingAfterCommit(database.update(client));
    }

    private Client forgettingAfterCommit(Client written) {
        Key key = new Key(written.msp(), written.slug());
        unitOfWork.afterCommit(() -> bySlug.forget(key));
        return written;
    }

    @Override
    public Optional<Client> find(ClientId id) {
        return database.find(id);
    }

    @Override
    public List<Client> list(ClientQuery query) {
        return database.list(query);
    }

    @Override
    public List<StatusChange> history(ClientId id) {
        return database.history(id);
    }

    @Override
    public List<ClientId> dueForReconciliation(Instant now, int limit) {
        return database.dueForReconciliation(now, limit);
    }

    @Override
    public List<Client> listLive(Optional<ClientId> after, int limit) {
        return database.listLive(after, limit);
    }

    @Override
    public Optional<Client> claim(ClientId id) {
        return database.claim(id);
    }

    @Override
    public Optional<Client> findByPsaMapping(MspId msp, PsaMapping mapping) {
        return database.findByPsaMapping(msp, mapping);
    }
}
