package dev.steward.application.ticket;

import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.psa.PsaWebhooks;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * One instance per control plane: it holds the per-MSP rates and the recently accepted deliveries. Each accepted
 * delivery is noted on the MSP's PSA integration ({@link IntegrationRepository#recordWebhookDelivery}), so that the
 * Integrations page shows whether the webhook works.
 */
public final class ReceiveTicketWebhookService implements ReceiveTicketWebhookUseCase {

    private final PsaWebhooks webhooks;
    private final MetricsRecorder metrics;
    private final IntakeTicketUseCase intake;
    private final MspRepository msps;
    private final IntegrationRepository integrations;
    private final Clock clock;
    private final DeliveryGuard guard;
    private final RefusalLog refusals;

    @Inject
    public ReceiveTicketWebhookService(PsaWebhooks webhooks, IntakeTicketUseCase intake, MspRepository msps,
                                       IntegrationRepository integrations, WebhookRate rate, Clock clock,
                                       MetricsRecorder metrics) {
        this.metrics = metrics;
        this.webhooks = webhooks;
        this.intake = intake;
        this.msps = msps;
        this.integrations = integrations;
        this.clock = clock;
        this.guard = new DeliveryGuard(clock, rate);
        this.refusals = new RefusalLog(clock);
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
        WebhookOutcome outcome = verdictOf(msp, integrationKind, delivery);
        metrics.webhookDelivery(integrationKind, switch (outcome) {
            case WebhookOutcome.Rejected rejected -> MetricsRecorder.Delivery.REFUSED;
            case WebhookOutcome.Throttled throttled -> MetricsRecorder.Delivery.REFUSED;
            case WebhookOutcome.Ignored ignored -> MetricsRecorder.Delivery.IGNORED;
            default -> MetricsRecorder.Delivery.ACCEPTED;
        });
        return outcome;
    }

    private WebhookOutcome verdictOf(MspId msp, String integrationKind, WebhookDelivery delivery) {
        var wait = guard.throttle(msp);
        if (wait.isPresent()) {
            refusals.refused("throttled webhook deliveries for MSP {0}", msp);
            return new WebhookOutcome.Throttled(wait.get());
        }
        if (!msps.find(msp).map(Msp::active).orElse(false)) {
            refusals.refused("refused a {0} webhook for MSP {1}: unknown or suspended", integrationKind, msp);
            return new WebhookOutcome.Rejected("the MSP is unknown or suspended");
        }
        return switch (webhooks.read(msp, integrationKind, delivery)) {
            case WebhookVerdict.Reject reject -> {
                refusals.refused("refused a {0} webhook for MSP {1}: {2}", integrationKind, msp, reject.reason());
                yield new WebhookOutcome.Rejected(reject.reason());
            }
            case WebhookVerdict.Ignore ignore -> new WebhookOutcome.Ignored(ignore.reason());
            case WebhookVerdict.AboutTicket ticket -> {
                if (!guard.firstTime(msp, integrationKind, delivery.body())) {
                    yield new WebhookOutcome.Ignored("a replay of a delivery accepted within the last "
                            + DeliveryGuard.REPLAY_WINDOW.toMinutes() + " minutes");
                }
                noteDelivery(msp, integrationKind);
                yield new WebhookOutcome.Accepted(ticket.ticketId());
            }
        };
    }

    /** Noting it is for people to see; a store that fails here must not cost the ticket its intake. */
    private void noteDelivery(MspId msp, String integrationKind) {
        try {
            integrations.recordWebhookDelivery(msp, integrationKind, clock.instant());
        } catch (RuntimeException e) {
            refusals.refused("the time of an accepted {0} webhook for MSP {1} was not stored: {2}", integrationKind,
                    msp, e.getClass().getSimpleName());
        }
    }
}
