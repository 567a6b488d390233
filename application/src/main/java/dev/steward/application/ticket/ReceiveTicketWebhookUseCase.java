package dev.steward.application.ticket;

import dev.steward.application.port.WebhookDelivery;
import dev.steward.domain.msp.MspId;

/**
 * What the PSA webhook route calls with the raw delivery: checks it (signature or shared secret, through
 * {@code PsaWebhooks}), then takes in the ticket it is about with {@link IntakeTicketUseCase} — so a replayed or
 * duplicated delivery, or the echo of Steward's own note, ends as {@link IntakeResult.AlreadyHandled}.
 */
public interface ReceiveTicketWebhookUseCase {

    /**
     * Checks the delivery and, when it is about a ticket, takes the ticket in before returning ({@code Taken}).
     * A rejected delivery is logged with the reason (never with its headers or body).
     */
    WebhookOutcome receive(MspId msp, String integrationKind, WebhookDelivery delivery);

    /**
     * Only checks the delivery: {@code Rejected}, {@code Ignored}, or {@code Accepted} with the ticket id, which the
     * caller hands to {@link IntakeTicketUseCase} later (e.g. after answering the PSA quickly). Logs like
     * {@link #receive}.
     */
    WebhookOutcome check(MspId msp, String integrationKind, WebhookDelivery delivery);

    sealed interface WebhookOutcome {
        record Rejected(String reason) implements WebhookOutcome {}

        record Ignored(String reason) implements WebhookOutcome {}

        record Accepted(String ticketId) implements WebhookOutcome {}

        record Taken(IntakeResult result) implements WebhookOutcome {}
    }
}
