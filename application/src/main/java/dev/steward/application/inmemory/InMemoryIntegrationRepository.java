package dev.steward.application.inmemory;

import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Integrations in memory, for tests and embedding. */
public final class InMemoryIntegrationRepository implements IntegrationRepository {

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<IntegrationId, Integration> byId = new HashMap<>();
    private final Map<IntegrationId, Instant> lastDelivery = new HashMap<>();

    @Inject
    public InMemoryIntegrationRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized Integration add(Integration integration) {
        boolean taken = byId.values().stream().anyMatch(i -> i.msp().equals(integration.msp())
                && i.client().equals(integration.client()) && i.kind().equals(integration.kind()));
        if (taken || byId.containsKey(integration.id())) {
            throw Conflict.of("integration.exists", integration.kind() + " is already connected here");
        }
        Integration stored = integration.atVersion(1);
        byId.put(integration.id(), stored);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.remove(integration.id());
            }
        });
        return stored;
    }

    @Override
    public synchronized Optional<Integration> find(MspId msp, IntegrationId id) {
        return Optional.ofNullable(byId.get(id)).filter(i -> i.msp().equals(msp));
    }

    @Override
    public synchronized List<Integration> list(MspId msp, Optional<ClientId> client) {
        return byId.values().stream()
                .filter(i -> i.msp().equals(msp) && i.client().equals(client))
                .sorted(Comparator.comparing(Integration::kind))
                .toList();
    }

    @Override
    public synchronized Integration update(Integration integration) {
        Integration stored = byId.get(integration.id());
        if (stored == null || !stored.msp().equals(integration.msp())) {
            throw new NotFound("integration", integration.id().toString());
        }
        if (stored.version() != integration.version()) {
            throw Conflict.staleVersion("integration " + integration.kind(), integration.version(), stored.version());
        }
        Integration next = integration.atVersion(stored.version() + 1);
        byId.put(integration.id(), next);
        unitOfWork.onRollback(() -> {
            synchronized (this) {
                byId.put(integration.id(), stored);
            }
        });
        return next;
    }

    @Override
    public synchronized void remove(MspId msp, IntegrationId id) {
        Integration stored = byId.get(id);
        if (stored != null && stored.msp().equals(msp)) {
            byId.remove(id);
            Instant delivered = lastDelivery.remove(id);
            unitOfWork.onRollback(() -> {
                synchronized (this) {
                    byId.put(id, stored);
                    if (delivered != null) {
                        lastDelivery.put(id, delivered);
                    }
                }
            });
        }
    }

    @Override
    public synchronized void recordWebhookDelivery(MspId msp, String kind, Instant at) {
        byId.values().stream().filter(i -> i.msp().equals(msp) && i.client().isEmpty() && i.kind().equals(kind))
                .findFirst().ifPresent(i -> lastDelivery.merge(i.id(), at, (was, now) -> now.isAfter(was) ? now : was));
    }

    @Override
    public synchronized Optional<Instant> lastWebhookDelivery(MspId msp, IntegrationId id) {
        return find(msp, id).map(i -> lastDelivery.get(id));
    }
}
