package dev.steward.application.inmemory;

import dev.steward.application.port.psa.PsaCapability;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.TicketSystemContract;
import dev.steward.application.testkit.MutableClock;
import java.util.EnumSet;
import org.junit.jupiter.api.Nested;

class InMemoryTicketSystemTest extends TicketSystemContract {

    private final InMemoryTicketSystem system = new InMemoryTicketSystem("memory", MutableClock.startingAt(
            "2026-11-22T10:00:00Z"));

    @Override
    protected TicketSystem system() {
        return system;
    }

    @Override
    protected String seed(TicketSeed t) {
        String id = system.open(t.companyId(), t.summary(), t.description(), t.requester(), t.createdAt());
        if (t.closed()) {
            system.updateStatus(id, "Closed");
        }
        return id;
    }

    @Override
    protected boolean seedNote(String ticketId, NoteSeed note) {
        system.write(ticketId, note.text(), note.visibility(), note.author());
        return true;
    }

    /** The same kit against a PSA that can only read tickets and add internal notes. */
    @Nested
    class WithFewerCapabilities extends TicketSystemContract {

        private final InMemoryTicketSystem limited = new InMemoryTicketSystem("memory-lite",
                MutableClock.startingAt("2026-11-22T10:00:00Z"),
                EnumSet.of(PsaCapability.READ_TICKETS, PsaCapability.INTERNAL_NOTES));

        @Override
        protected TicketSystem system() {
            return limited;
        }

        @Override
        protected String seed(TicketSeed t) {
            String id = limited.open(t.companyId(), t.summary(), t.description(), t.requester(), t.createdAt());
            if (t.closed()) {
                limited.close(id);
            }
            return id;
        }
    }
}
