package dev.steward.application.ticket;

import dev.steward.application.port.PsaWebhooks;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.port.WebhookVerdict;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

public final class ReceiveTicketWebhookService implements ReceiveTicketWebhookUseCase {

    private static final System.Logger LOG = System.getLogger(ReceiveTicketWebhookService.class.getName());

    private final PsaWebhooks webhooks;
    private final IntakeTicketUseCase intake;

    @Inject
    public ReceiveTicketWebhookService(PsaWebhooks webhooks, IntakeTicketUseCase intake) {
        this.webhooks = webhooks;
        this.intake = intake;
    }

    @Override
    public WebhookOutcome receive(MspId msp, String integrationKind, WebhookDelivery delivery) {
        WebhookOutcome checked = check(msp, integrationKind, delivery);
        if (checked instanceof WebhookOutcome.Accepted accepted) {
            return new WebhookOutcome.Taken(intake.intake(new IntakeTicketCommand(msp, integrationKind,
                    accepted.ticketId())));
        }
        return checked;
    }

    @Override
    public WebhookOutcome check(MspId msp, String integrationKind, WebhookDelivery delivery) {
        return switch (webhooks.read(msp, integrationKind, delivery)) {
            case WebhookVerdict.Reject reject -> {
                LOG.log(Level.WARNING, "refused a {0} webhook for MSP {1}: {2}", integrationKind, msp,
                        reject.reason());
                yield new WebhookOutcome.Rejected(reject.reason());
            }
            case WebhookVerdict.Ignore ignore -> new WebhookOutcome.Ignored(ignore.reason());
            case WebhookVerdict.AboutTicket ticket -> new WebhookOutcome.Accepted(ticket.ticketId());
        };
    }
}
