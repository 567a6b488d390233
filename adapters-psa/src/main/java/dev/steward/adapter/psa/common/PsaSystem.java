package dev.steward.adapter.psa.common;

import dev.steward.application.port.TicketSystem;

/** What one PSA adapter here implements: the core's ticket system, and the contact reads its tools need. */
public interface PsaSystem extends TicketSystem, PsaContacts {
}
