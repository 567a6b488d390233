package dev.steward.adapter.psa.common;

import dev.steward.application.problem.NotFound;
import java.util.function.Supplier;

/** Ticket ids of the PSAs here are numbers; anything else cannot name a ticket and must not reach a URL. */
public final class TicketIds {

    private TicketIds() {
    }

    /** @throws NotFound ({@code ticket}) for anything but 1-18 digits */
    public static String numeric(String ticketId) {
        if (ticketId == null || !ticketId.matches("[0-9]{1,18}")) {
            throw new NotFound("ticket", String.valueOf(ticketId));
        }
        return ticketId;
    }

    public static Supplier<NotFound> notFound(String ticketId) {
        return () -> new NotFound("ticket", ticketId);
    }
}
