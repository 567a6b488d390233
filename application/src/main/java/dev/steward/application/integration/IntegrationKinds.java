package dev.steward.application.integration;

import dev.steward.application.port.IntegrationCatalog;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Every installed catalog's kinds in one place, each kind with the catalog that connects it. */
public final class IntegrationKinds {

    /** A kind and the catalog it comes from. */
    public record Offered(IntegrationKind kind, IntegrationCatalog catalog) {}

    private final Map<String, Offered> byName = new TreeMap<>();

    /** @throws IllegalStateException if two catalogs offer the same kind (naming both) */
    @Inject
    public IntegrationKinds(Set<IntegrationCatalog> catalogs) {
        for (IntegrationCatalog catalog : catalogs) {
            for (IntegrationKind kind : catalog.kinds()) {
                Offered before = byName.put(kind.name(), new Offered(kind, catalog));
                if (before != null) {
                    throw new IllegalStateException("integration kind " + kind.name() + " is offered twice, by "
                            + before.catalog().getClass().getName() + " and " + catalog.getClass().getName());
                }
            }
        }
    }

    /** The kinds that may be connected in {@code scope}, by name. */
    public List<IntegrationKind> in(IntegrationScope scope) {
        return byName.values().stream().map(Offered::kind).filter(k -> k.allows(scope))
                .sorted(Comparator.comparing(IntegrationKind::name)).toList();
    }

    public Optional<Offered> find(String kind) {
        return Optional.ofNullable(byName.get(kind));
    }

    /** @throws InvalidValue naming {@code kind} (and the kinds there are) if no catalog offers it in {@code scope} */
    Offered require(String kind, IntegrationScope scope) {
        Offered offered = byName.get(kind);
        if (offered == null || !offered.kind().allows(scope)) {
            throw InvalidValue.of("kind", "unknown", "must be one of " + in(scope).stream()
                    .map(IntegrationKind::name).toList() + " (the kinds that can be connected "
                    + (scope == IntegrationScope.MSP ? "MSP-wide" : "for one client") + ")");
        }
        return offered;
    }
}
