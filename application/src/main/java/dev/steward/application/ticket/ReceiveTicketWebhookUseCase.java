package dev.steward.application.ticket;

import dev.steward.application.port.WebhookDelivery;
import dev.steward.domain.msp.MspId;

/**
 * What the PSA webhook route calls with the raw delivery: checks it (signature or shared secret, through
 * {@code PsaWebhooks}), then takes in the ticket it is about with {@link IntakeTicketUseCase} — so a replayed or
 * duplicated delivery, or the echo of Steward's own note, ends as {@link IntakeResult.AlreadyHandled}.
 */
public interface ReceiveTicketWebhookUseCase {

    /** The outcome; a rejected delivery is logged with the reason (never with its headers or body). */
    WebhookOutcome receive(MspId msp, String integrationKind, WebhookDelivery delivery);

    sealed interface WebhookOutcome {
        record Rejected(String reason) implements WebhookOutcome {}

        record Ignored(String reason) implements WebhookOutcome {}

        record Taken(IntakeResult result) implements WebhookOutcome {}
    }
}
