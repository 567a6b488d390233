package dev.steward.application.port.psa;

import java.util.Objects;

/** What a PSA webhook delivery means, once checked. */
public sealed interface WebhookVerdict {

    /** Authentic and about this ticket (re-read it before acting: the body is only a hint). */
    record AboutTicket(String ticketId, String action) implements WebhookVerdict {
        public AboutTicket {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(action, "action");
        }
    }

    /** Authentic, but nothing for an agent (another entity, a deletion, a deactivation notice). */
    record Ignore(String reason) implements WebhookVerdict {}

    /** Not authentic or unreadable: refuse it (HTTP 401/400) and log it. */
    record Reject(String reason) implements WebhookVerdict {}
}
