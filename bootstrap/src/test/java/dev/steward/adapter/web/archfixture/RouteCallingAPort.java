package dev.steward.adapter.web.archfixture;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.domain.client.ClientId;

/** Breaks "web uses use cases, never ports" (for ArchitectureTest only). */
public final class RouteCallingAPort {

    private final ClientRepository clients;

    public RouteCallingAPort(ClientRepository clients) {
        this.clients = clients;
    }

    public boolean exists(ClientId id) {
        return clients.find(id).isPresent();
    }
}
