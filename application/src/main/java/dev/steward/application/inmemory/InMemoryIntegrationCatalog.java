package dev.steward.application.inmemory;

import dev.steward.application.port.IntegrationCatalog;
import dev.steward.application.port.IntegrationSettings;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Kinds offered in process, for tests, demos and embedders that bring their own integrations: each kind comes with
 * the check its values must pass to go live (as a real adapter's connection would), and the catalog keeps which
 * integrations are live with which values.
 */
public final class InMemoryIntegrationCatalog implements IntegrationCatalog {

    private final Map<String, IntegrationKind> kinds = new ConcurrentHashMap<>();
    private final Map<String, Consumer<IntegrationSettings>> checks = new ConcurrentHashMap<>();
    private final Map<IntegrationId, IntegrationSettings> live = new ConcurrentHashMap<>();

    @Inject
    public InMemoryIntegrationCatalog() {
    }

    /** Offers {@code kind}, accepting any complete values. */
    public InMemoryIntegrationCatalog offer(IntegrationKind kind) {
        return offer(kind, values -> { });
    }

    /** Offers {@code kind}; {@code check} throws an {@code InvalidValue} for values the kind cannot use. */
    public InMemoryIntegrationCatalog offer(IntegrationKind kind, Consumer<IntegrationSettings> check) {
        kinds.put(kind.name(), kind);
        checks.put(kind.name(), check);
        return this;
    }

    @Override
    public List<IntegrationKind> kinds() {
        return kinds.values().stream().sorted(java.util.Comparator.comparing(IntegrationKind::name)).toList();
    }

    @Override
    public void activate(Integration integration, IntegrationSettings values) {
        Consumer<IntegrationSettings> check = checks.get(integration.kind());
        if (check == null) {
            throw new IllegalArgumentException("kind " + integration.kind() + " is not offered by this catalog");
        }
        check.accept(values);
        live.put(integration.id(), values);
    }

    @Override
    public void deactivate(Integration integration) {
        live.remove(integration.id());
    }

    /** The live integrations and the values they were activated with. */
    public Map<IntegrationId, IntegrationSettings> live() {
        return Map.copyOf(live);
    }
}
