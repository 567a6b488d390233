package dev.steward.application.integration;

import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Integration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which integrations serve a client, and their directories. */
final class ClientMappingLookup {

    private ClientMappingLookup() {
    }

    /** The client's own integrations, then the MSP-wide ones of kinds it has none of, by kind. */
    static List<Integration> serving(IntegrationRepository integrations, Client client) {
        List<Integration> own = integrations.list(client.msp(), Optional.of(client.id()));
        List<Integration> all = new ArrayList<>(own);
        integrations.list(client.msp(), Optional.empty()).stream()
                .filter(m -> own.stream().noneMatch(o -> o.kind().equals(m.kind()))).forEach(all::add);
        all.sort(Comparator.comparing(Integration::kind));
        return all;
    }

    static Optional<Integration> integrationOf(IntegrationRepository integrations, Client client, String kind) {
        return serving(integrations, client).stream().filter(i -> i.kind().equals(kind)).findFirst();
    }

    /** @throws Conflict ({@code integration.no-directory}) if it offers none, or is not connected right now */
    static Directory directoryOf(LiveIntegrations live, Integration integration) {
        return live.connection(integration.id()).flatMap(IntegrationConnection::directory)
                .orElseThrow(() -> Conflict.of("integration.no-directory", "integration " + integration.kind()
                        + " offers no directory to map clients to (or is not connected right now)"));
    }
}
