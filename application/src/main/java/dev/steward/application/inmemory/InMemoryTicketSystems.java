package dev.steward.application.inmemory;

import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A registry of ticket systems per MSP and kind, filled by whoever connects them (tests, embedders). */
public final class InMemoryTicketSystems implements TicketSystems {

    private record Key(MspId msp, String kind) {}

    private final Map<Key, TicketSystem> systems = new ConcurrentHashMap<>();

    @Inject
    public InMemoryTicketSystems() {
    }

    public InMemoryTicketSystems connect(MspId msp, TicketSystem system) {
        systems.put(new Key(msp, system.kind()), system);
        return this;
    }

    @Override
    public TicketSystem of(MspId msp, String kind) {
        TicketSystem system = systems.get(new Key(msp, kind));
        if (system == null) {
            throw new NotFound("ticket system", kind);
        }
        return system;
    }
}
