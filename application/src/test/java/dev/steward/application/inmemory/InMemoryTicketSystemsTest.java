package dev.steward.application.inmemory;

import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.psa.TicketSystemsContract;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.MspId;
import java.time.Clock;

class InMemoryTicketSystemsTest extends TicketSystemsContract {

    private final InMemoryTicketSystems systems = new InMemoryTicketSystems();

    @Override
    protected TicketSystems systems() {
        return systems;
    }

    @Override
    protected MspId anMspWithAConnectedPsa() {
        MspId msp = Fixtures.uniqueMspId();
        systems.connect(msp, new InMemoryTicketSystem(connectedKind(), Clock.systemUTC()));
        return msp;
    }

    @Override
    protected String connectedKind() {
        return "connectwise";
    }
}
