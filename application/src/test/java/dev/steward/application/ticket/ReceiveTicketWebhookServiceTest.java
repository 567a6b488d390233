package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import dev.steward.application.inmemory.InMemoryPsaWebhooks;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase.WebhookOutcome;
import dev.steward.domain.mode.OperatingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ReceiveTicketWebhookServiceTest {

    private final AgentWorldAccess world = new AgentWorldAccess(new RunbookReasoner());
    private final InMemoryPsaWebhooks webhooks = new InMemoryPsaWebhooks().register(world.mspId(), "connectwise",
            "shared-secret");
    /** Counts what the service asks of the PSA adapter and of intake, to show what it spares them. */
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger intakes = new AtomicInteger();
    private final ReceiveTicketWebhookService service = new ReceiveTicketWebhookService((msp, kind, delivery) -> {
        reads.incrementAndGet();
        return webhooks.read(msp, kind, delivery);
    }, command -> {
        intakes.incrementAndGet();
        return world.intake().intake(command);
    }, world.msps(), world.integrations(), WebhookRate.DEFAULT, world.clock(), new InMemoryMetricsRecorder());

    {
        world.client("250", OperatingMode.PLAN);
    }

    private WebhookDelivery delivery(String secret, String ticket) {
        return new WebhookDelivery(Map.of("X-Steward-Secret", secret),
                ("{\"ticketId\":\"" + ticket + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private String aTicket() {
        return world.psa().open("250", "printer offline", "", "dana@contoso.example",
                Instant.parse("2026-11-22T08:59:00Z"));
    }

    @Test
    void aForgedDeliveryIsRejectedAndTouchesNoTicket() {
        String ticket = aTicket();

        assertThat(service.receive(world.mspId(), "connectwise", delivery("guess", ticket)))
                .isInstanceOf(WebhookOutcome.Rejected.class);
        assertThat(world.psa().notes(ticket)).isEmpty();
    }

    @Test
    void anAuthenticDeliveryIsTakenInAndAReplayDoesNoWorkTwice() {
        String ticket = aTicket();

        WebhookOutcome first = service.receive(world.mspId(), "connectwise", delivery("shared-secret", ticket));
        WebhookOutcome replay = service.receive(world.mspId(), "connectwise", delivery("shared-secret", ticket));

        assertThat(first).isInstanceOfSatisfying(WebhookOutcome.Taken.class,
                t -> assertThat(t.result()).isInstanceOf(IntakeResult.Queued.class));
        assertThat(replay).isInstanceOfSatisfying(WebhookOutcome.Ignored.class,
                i -> assertThat(i.reason()).contains("replay"));
        assertThat(intakes).hasValue(1);
        world.work();
        assertThat(world.psa().notes(ticket)).hasSize(1);
    }

    @Test
    void theSameBodyAfterTheReplayWindowIsCheckedAgainAndIntakeStaysIdempotent() {
        String ticket = aTicket();
        service.receive(world.mspId(), "connectwise", delivery("shared-secret", ticket));

        world.clock().advance(DeliveryGuard.REPLAY_WINDOW);
        WebhookOutcome later = service.receive(world.mspId(), "connectwise", delivery("shared-secret", ticket));

        assertThat(later).isInstanceOfSatisfying(WebhookOutcome.Taken.class,
                t -> assertThat(t.result()).isInstanceOf(IntakeResult.AlreadyHandled.class));
        world.work();
        assertThat(world.psa().notes(ticket)).hasSize(1);
    }

    @Test
    void aForgedDeliveryDoesNotMarkTheBodyAsSeen() {
        String ticket = aTicket();
        WebhookDelivery forged = new WebhookDelivery(Map.of("X-Steward-Secret", "guess"),
                delivery("shared-secret", ticket).body());

        assertThat(service.check(world.mspId(), "connectwise", forged)).isInstanceOf(WebhookOutcome.Rejected.class);
        assertThat(service.check(world.mspId(), "connectwise", delivery("shared-secret", ticket)))
                .isEqualTo(new WebhookOutcome.Accepted(ticket));
    }

    @Test
    void deliveriesBeyondAnMspsRateAreThrottledWithoutBeingCheckedAndOtherMspsAreNot() {
        for (int i = 0; i < WebhookRate.DEFAULT.perMinute(); i++) {
            assertThat(service.check(world.mspId(), "connectwise", delivery("guess", "T-" + i)))
                    .isInstanceOf(WebhookOutcome.Rejected.class);
        }

        WebhookOutcome throttled = service.check(world.mspId(), "connectwise", delivery("guess", "T-x"));

        assertThat(throttled).isInstanceOfSatisfying(WebhookOutcome.Throttled.class,
                t -> assertThat(t.retryAfter()).isPositive().isLessThanOrEqualTo(java.time.Duration.ofSeconds(1)));
        assertThat(reads).hasValue(WebhookRate.DEFAULT.perMinute());
        assertThat(service.check(dev.steward.application.testkit.Fixtures.uniqueMspId(), "connectwise",
                delivery("guess", "T-y"))).isInstanceOf(WebhookOutcome.Rejected.class);
        world.clock().advance(java.time.Duration.ofSeconds(1));
        assertThat(service.check(world.mspId(), "connectwise", delivery("guess", "T-z")))
                .isInstanceOf(WebhookOutcome.Rejected.class);
    }

    @Test
    void refusedDeliveriesAreLoggedAtABoundedRate() {
        List<LogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ReceiveTicketWebhookService.class.getName());
        logger.addHandler(capture);
        try {
            for (int i = 0; i < 100; i++) {
                service.check(world.mspId(), "connectwise", delivery("guess", "T-" + i));
            }
            assertThat(lines).hasSize(RefusalLog.PER_MINUTE);

            world.clock().advance(java.time.Duration.ofMinutes(1));
            service.check(world.mspId(), "connectwise", delivery("guess", "T-last"));

            assertThat(lines).hasSize(RefusalLog.PER_MINUTE + 2);
            assertThat(lines.get(RefusalLog.PER_MINUTE).getParameters()).containsExactly(100 - RefusalLog.PER_MINUTE);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void checkingOnlyNamesTheTicketAndTakesNothingIn() {
        String ticket = aTicket();

        assertThat(service.check(world.mspId(), "connectwise", delivery("shared-secret", ticket)))
                .isEqualTo(new WebhookOutcome.Accepted(ticket));
        assertThat(world.psa().notes(ticket)).isEmpty();
    }

    @Test
    void anAcceptedDeliveryIsNotedOnTheMspsPsaIntegrationAndAForgedOrReplayedOneIsNot() {
        var psa = world.integrations().add(dev.steward.domain.integration.Integration.connect(
                new dev.steward.domain.integration.IntegrationId(java.util.UUID.randomUUID()), world.mspId(),
                java.util.Optional.empty(), "connectwise", List.of(), Map.of(), world.clock().instant()));
        String ticket = aTicket();
        service.check(world.mspId(), "connectwise", delivery("guess", ticket));
        assertThat(world.integrations().lastWebhookDelivery(world.mspId(), psa.id())).as("a forged one").isEmpty();

        Instant accepted = world.clock().instant();
        service.check(world.mspId(), "connectwise", delivery("shared-secret", ticket));
        world.clock().advance(java.time.Duration.ofSeconds(5));
        service.check(world.mspId(), "connectwise", delivery("shared-secret", ticket));

        assertThat(world.integrations().lastWebhookDelivery(world.mspId(), psa.id()))
                .as("the replay 5 s later is not an accepted delivery").contains(accepted);
    }
}
