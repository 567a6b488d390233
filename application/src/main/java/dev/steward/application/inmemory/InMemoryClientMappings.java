package dev.steward.application.inmemory;

import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Client mappings in memory, for tests and embedding. */
public final class InMemoryClientMappings implements ClientMappings {

    private record Key(MspId msp, ClientId client, String kind) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<Key, ClientMapping> byClient = new HashMap<>();

    @Inject
    public InMemoryClientMappings(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized ClientMapping save(ClientMapping mapping) {
        Optional<ClientMapping> holder = findByExternalId(mapping.msp(), mapping.kind(), mapping.externalId());
        if (holder.isPresent() && !holder.get().client().equals(mapping.client())) {
            throw Conflict.of("mapping.taken", "another client is already mapped to " + mapping.kind() + " entry "
                    + mapping.externalId());
        }
        Key key = new Key(mapping.msp(), mapping.client(), mapping.kind());
        ClientMapping before = byClient.put(key, mapping);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                if (before == null) {
                    byClient.remove(key);
                } else {
                    byClient.put(key, before);
                }
            }
        });
        return mapping;
    }

    @Override
    public synchronized Optional<ClientMapping> find(MspId msp, ClientId client, String kind) {
        return Optional.ofNullable(byClient.get(new Key(msp, client, kind)));
    }

    @Override
    public synchronized Optional<ClientMapping> findByExternalId(MspId msp, String kind, String externalId) {
        return byClient.values().stream().filter(m -> m.msp().equals(msp) && m.kind().equals(kind)
                && m.externalId().equals(externalId)).findFirst();
    }

    @Override
    public synchronized List<ClientMapping> ofClient(MspId msp, ClientId client) {
        return byClient.values().stream().filter(m -> m.msp().equals(msp) && m.client().equals(client))
                .sorted(Comparator.comparing(ClientMapping::kind)).toList();
    }

    @Override
    public synchronized void remove(MspId msp, ClientId client, String kind) {
        Key key = new Key(msp, client, kind);
        ClientMapping before = byClient.remove(key);
        if (before != null) {
            unitOfWork.onRollback(() -> {
                synchronized (this) {
                    byClient.put(key, before);
                }
            });
        }
    }
}
