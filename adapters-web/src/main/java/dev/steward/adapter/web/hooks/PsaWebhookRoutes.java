package dev.steward.adapter.web.hooks;

import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.ticket.IntakeTicketUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase.WebhookOutcome;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/psa/{mspId}/{kind}}: a PSA's webhook. The delivery is checked (signature or shared secret, by
 * the PSA adapter) and answered at once — 202 when it is about a ticket, 204 when it is authentic but nothing for an
 * agent, 401 without details when it is not authentic — and the ticket is then taken in on a virtual thread. A
 * replayed delivery, or the echo of Steward's own note, starts nothing new (intake is idempotent by ticket); a ticket
 * whose intake fails here is picked up again by the next poll.
 */
public final class PsaWebhookRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(PsaWebhookRoutes.class);

    private final ReceiveTicketWebhookUseCase webhooks;
    private final IntakeTicketUseCase intake;
    private final ProblemMapper problems;

    @Inject
    public PsaWebhookRoutes(ReceiveTicketWebhookUseCase webhooks, IntakeTicketUseCase intake, ProblemMapper problems) {
        this.webhooks = webhooks;
        this.intake = intake;
        this.problems = problems;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/hooks/psa/{mspId}/{kind}", this::receive);
    }

    private void receive(Context ctx) {
        Optional<MspId> msp = mspOf(ctx.pathParam("mspId"));
        String kind = ctx.pathParam("kind");
        if (msp.isEmpty()) {
            refuse(ctx);
            return;
        }
        WebhookDelivery delivery = new WebhookDelivery(ctx.headerMap(), ctx.bodyAsBytes());
        WebhookOutcome outcome = webhooks.check(msp.get(), kind, delivery);
        switch (outcome) {
            case WebhookOutcome.Rejected rejected -> refuse(ctx);
            case WebhookOutcome.Ignored ignored -> ctx.status(204);
            case WebhookOutcome.Taken taken -> ctx.status(202);
            case WebhookOutcome.Accepted accepted -> {
                ctx.status(202);
                Thread.ofVirtual().name("psa-intake-" + kind).start(() -> takeIn(msp.get(), kind, accepted.ticketId()));
            }
        }
    }

    private void takeIn(MspId msp, String kind, String ticketId) {
        try {
            intake.intake(new IntakeTicketCommand(msp, kind, ticketId));
        } catch (RuntimeException e) {
            LOG.warn("intake of {} ticket {} for MSP {} failed ({}); the next poll takes it in", kind, ticketId, msp,
                    e.getMessage());
        }
    }

    /** The same answer for a forged delivery and an unknown MSP, so a caller learns nothing by guessing. */
    private void refuse(Context ctx) {
        problems.write(ctx, Problem.of(401, "Webhook not accepted", "webhook.rejected",
                "the delivery could not be authenticated"));
    }

    private static Optional<MspId> mspOf(String text) {
        try {
            return Optional.of(MspId.parse(text));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }
}
