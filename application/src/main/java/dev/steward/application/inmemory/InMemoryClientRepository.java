package dev.steward.application.inmemory;

import dev.steward.application.id.UnsignedUuidOrder;
import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Clients in memory, for tests and embedding. All methods are atomic (one lock); writes take part in rollbacks. */
public final class InMemoryClientRepository implements ClientRepository {

    private record SlugKey(MspId msp, Slug slug) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<ClientId, Client> byId = new HashMap<>();
    private final Map<SlugKey, ClientId> bySlug = new HashMap<>();
    private final Map<ClientId, List<StatusChange>> histories = new HashMap<>();

    @Inject
    public InMemoryClientRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized Client add(Client client) {
        SlugKey key = new SlugKey(client.msp(), client.slug());
        if (bySlug.containsKey(key)) {
            throw Conflict.slugTaken(client.slug().value());
        }
        if (byId.containsKey(client.id())) {
            throw Conflict.of("client.exists", "a client with id " + client.id() + " already exists");
        }
        requireCompanyFree(client);
        Client stored = client.atVersion(1);
        byId.put(client.id(), stored);
        bySlug.put(key, client.id());
        histories.put(client.id(), new ArrayList<>(client.recentHistory()));
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.remove(client.id());
                bySlug.remove(key);
                histories.remove(client.id());
            }
        });
        return stored;
    }

    /** A PSA company maps to at most one live client, as the database's unique index keeps it. */
    private void requireCompanyFree(Client client) {
        if (client.isDestroyed() || client.psaMapping().isEmpty()) {
            return;
        }
        findByPsaMapping(client.msp(), client.psaMapping().get()).filter(other -> !other.id().equals(client.id()))
                .ifPresent(other -> {
                    throw Conflict.onField("psaMapping.taken", "companyId", "company "
                            + client.psaMapping().get().companyId() + " of "
                            + client.psaMapping().get().integrationKind() + " is already client '"
                            + other.slug().value() + "'");
                });
    }

    @Override
    public synchronized Optional<Client> findByPsaMapping(MspId msp, dev.steward.domain.client.PsaMapping mapping) {
        return byId.values().stream().filter(c -> c.msp().equals(msp) && !c.isDestroyed()
                && c.psaMapping().filter(mapping::equals).isPresent()).findFirst();
    }

    @Override
    public synchronized Optional<Client> find(ClientId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Client> find(MspId msp, Slug slug) {
        return Optional.ofNullable(bySlug.get(new SlugKey(msp, slug))).map(byId::get);
    }

    @Override
    public synchronized List<Client> list(ClientQuery query) {
        Optional<String> needle = query.search().map(s -> s.toLowerCase(Locale.ROOT));
        return byId.values().stream()
                .filter(c -> c.msp().equals(query.msp()))
                .filter(c -> query.status().map(s -> s == c.status()).orElse(true))
                .filter(c -> needle.map(n -> c.slug().value().contains(n)
                        || c.name().value().toLowerCase(Locale.ROOT).contains(n)).orElse(true))
                .filter(c -> query.after().map(a -> c.slug().compareTo(a) > 0).orElse(true))
                .sorted(Comparator.comparing(Client::slug))
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized Client update(Client client) {
        Client stored = byId.get(client.id());
        if (stored == null) {
            throw new NotFound("client", client.id().toString());
        }
        if (stored.version() != client.version()) {
            throw Conflict.staleVersion("client " + client.slug(), client.version(), stored.version());
        }
        if (!stored.slug().equals(client.slug()) || !stored.msp().equals(client.msp())) {
            throw new IllegalArgumentException("a client's MSP and slug never change");
        }
        requireCompanyFree(client);
        Client next = client.atVersion(stored.version() + 1);
        List<StatusChange> history = histories.get(client.id());
        long lastStored = history.getLast().sequence();
        List<StatusChange> appended = client.recentHistory().stream().filter(c -> c.sequence() > lastStored).toList();
        if (!appended.isEmpty() && appended.getFirst().sequence() != lastStored + 1) {
            throw new IllegalArgumentException("status changes between " + lastStored + " and "
                    + appended.getFirst().sequence() + " were never stored");
        }
        history.addAll(appended);
        byId.put(client.id(), next);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.put(client.id(), stored);
                history.subList(history.size() - appended.size(), history.size()).clear();
            }
        });
        return next;
    }

    @Override
    public synchronized List<StatusChange> history(ClientId id) {
        return List.copyOf(histories.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<ClientId> dueForReconciliation(Instant now, int limit) {
        return byId.values().stream()
                .filter(c -> c.isDueForReconciliation(now))
                .sorted(Comparator.comparing((Client c) -> c.lastChange().at()))
                .limit(limit)
                .map(Client::id)
                .toList();
    }

    @Override
    public synchronized List<Client> listLive(Optional<ClientId> after, int limit) {
        return byId.values().stream()
                .filter(c -> !c.isDestroyed())
                .filter(c -> after.map(a -> UnsignedUuidOrder.INSTANCE.compare(c.id().value(), a.value()) > 0)
                        .orElse(true))
                .sorted(Comparator.comparing((Client c) -> c.id().value(), UnsignedUuidOrder.INSTANCE))
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<Client> claim(ClientId id) {
        if (!unitOfWork.claim(id)) {
            return Optional.empty();
        }
        return find(id);
    }
}
