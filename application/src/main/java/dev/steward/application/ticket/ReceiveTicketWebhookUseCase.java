package dev.steward.application.ticket;

import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.domain.msp.MspId;
import java.time.Duration;

/**
 * What the PSA webhook route calls with the raw delivery: checks it (signature or shared secret, through
 * {@code PsaWebhooks}), then takes in the ticket it is about with {@link IntakeTicketUseCase}. Deliveries are limited
 * per MSP before they are checked ({@code Throttled}); an authentic delivery whose body was accepted a few minutes ago
 * is a replay and does no work again ({@code Ignored}); behind that, intake is idempotent per ticket, so a duplicate or
 * the echo of Steward's own note ends as {@link IntakeResult.AlreadyHandled}.
 */
public interface ReceiveTicketWebhookUseCase {

    /**
     * Checks the delivery and, when it is about a ticket, takes the ticket in before returning ({@code Taken}).
     * Rejected deliveries are logged with the reason at a bounded rate (never with their headers or body).
     */
    WebhookOutcome receive(MspId msp, String integrationKind, WebhookDelivery delivery);

    /**
     * Only checks the delivery: {@code Throttled}, {@code Rejected}, {@code Ignored}, or {@code Accepted} with the
     * ticket id, which the caller hands to {@link IntakeTicketUseCase} later (e.g. after answering the PSA quickly).
     * Logs like {@link #receive}.
     */
    WebhookOutcome check(MspId msp, String integrationKind, WebhookDelivery delivery);

    sealed interface WebhookOutcome {
        /** Too many deliveries for this MSP just now: nothing was checked; the PSA may send it again later. */
        record Throttled(Duration retryAfter) implements WebhookOutcome {}

        record Rejected(String reason) implements WebhookOutcome {}

        record Ignored(String reason) implements WebhookOutcome {}

        record Accepted(String ticketId) implements WebhookOutcome {}

        record Taken(IntakeResult result) implements WebhookOutcome {}
    }
}
