package dev.steward.adapter.web.hooks;

import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.integration.ListIntegrationKindsUseCase;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.ticket.IntakeTicketCommand;
import dev.steward.application.ticket.IntakeTicketUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase.WebhookOutcome;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/psa/{mspId}/{kind}}: a PSA's webhook. The delivery is checked (signature or shared secret, by
 * the PSA adapter) and answered at once — 202 when it is about a ticket, 204 when it is authentic but nothing for an
 * agent (or a replay), 429 when the MSP sent too many just now, and the same 401 without details for everything that
 * fails verification (unknown MSP or kind, bad signature, a PSA that could not be asked for its key) — and the ticket
 * is then taken in on a virtual thread. The {@code kind} is checked against the known integration kinds before it is
 * used or logged. A ticket whose intake fails here is picked up again by the next poll.
 */
public final class PsaWebhookRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(PsaWebhookRoutes.class);

    private final ReceiveTicketWebhookUseCase webhooks;
    private final IntakeTicketUseCase intake;
    private final ProblemMapper problems;
    private final Set<String> knownKinds;

    @Inject
    public PsaWebhookRoutes(ReceiveTicketWebhookUseCase webhooks, IntakeTicketUseCase intake, ProblemMapper problems,
                            ListIntegrationKindsUseCase kinds) {
        this.webhooks = webhooks;
        this.intake = intake;
        this.problems = problems;
        this.knownKinds = kinds.kinds(IntegrationScope.MSP).stream().map(IntegrationKind::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/hooks/psa/{mspId}/{kind}", this::receive);
    }

    private void receive(Context ctx) {
        Optional<MspId> msp = mspOf(ctx.pathParam("mspId"));
        String kind = ctx.pathParam("kind");
        if (msp.isEmpty() || !knownKinds.contains(kind)) {
            refuse(ctx);
            return;
        }
        WebhookDelivery delivery = new WebhookDelivery(ctx.headerMap(), ctx.bodyAsBytes());
        WebhookOutcome outcome;
        try {
            outcome = webhooks.check(msp.get(), kind, delivery);
        } catch (RuntimeException e) {
            // whatever broke (a store, a PSA), the caller learns no more than from a forged delivery
            LOG.debug("checking a {} webhook for MSP {} failed: {}", kind, msp.get(), e.toString());
            refuse(ctx);
            return;
        }
        switch (outcome) {
            case WebhookOutcome.Throttled throttled -> problems.write(ctx, new Problem(429, "Too many requests",
                    "webhook.throttled", "too many deliveries for this MSP just now; send it again later",
                    java.util.List.of(), java.util.Map.of("Retry-After",
                            Long.toString(Math.max(1, throttled.retryAfter().toSeconds())))));
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
