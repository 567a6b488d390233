package dev.steward.application.integration;

import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationCapability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which integrations serve a client, and their directories. */
final class ClientMappingLookup {

    private ClientMappingLookup() {
    }

    /**
     * The client's own integrations, then the MSP-wide ones of kinds it has none of, by kind. A PSA is not among
     * them: its company is the client's PSA mapping ({@code /psa-mapping}), which routes tickets, not a mapping here.
     */
    static List<Integration> serving(IntegrationRepository integrations, IntegrationKinds kinds, Client client) {
        List<Integration> own = integrations.list(client.msp(), Optional.of(client.id())).stream()
                .filter(i -> !isPsa(kinds, i)).toList();
        List<Integration> all = new ArrayList<>(own);
        integrations.list(client.msp(), Optional.empty()).stream()
                .filter(m -> !isPsa(kinds, m))
                .filter(m -> own.stream().noneMatch(o -> o.kind().equals(m.kind()))).forEach(all::add);
        all.sort(Comparator.comparing(Integration::kind));
        return all;
    }

    private static boolean isPsa(IntegrationKinds kinds, Integration integration) {
        return kinds.kind(integration.kind()).map(k -> k.has(IntegrationCapability.PSA)).orElse(false);
    }

    static Optional<Integration> integrationOf(IntegrationRepository integrations, IntegrationKinds kinds,
                                               Client client, String kind) {
        return serving(integrations, kinds, client).stream().filter(i -> i.kind().equals(kind)).findFirst();
    }

    /** @throws Conflict ({@code integration.no-directory}) if it offers none, or is not connected right now */
    static Directory directoryOf(LiveIntegrations live, Integration integration) {
        return live.connection(integration.id()).flatMap(IntegrationConnection::directory)
                .orElseThrow(() -> Conflict.of("integration.no-directory", "integration " + integration.kind()
                        + " offers no directory to map clients to (or is not connected right now)"));
    }
}
