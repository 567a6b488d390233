package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.inmemory.InMemoryPsaWebhooks;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.ticket.ReceiveTicketWebhookUseCase.WebhookOutcome;
import dev.steward.domain.mode.OperatingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiveTicketWebhookServiceTest {

    private final AgentWorldAccess world = new AgentWorldAccess(new RunbookReasoner());
    private final InMemoryPsaWebhooks webhooks = new InMemoryPsaWebhooks().register(world.mspId(), "connectwise",
            "shared-secret");
    private final ReceiveTicketWebhookService service = new ReceiveTicketWebhookService(webhooks, world.intake());

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
    void anAuthenticDeliveryIsTakenInAndAReplayCreatesNoSecondSession() {
        String ticket = aTicket();

        WebhookOutcome first = service.receive(world.mspId(), "connectwise", delivery("shared-secret", ticket));
        WebhookOutcome replay = service.receive(world.mspId(), "connectwise", delivery("shared-secret", ticket));

        assertThat(first).isInstanceOfSatisfying(WebhookOutcome.Taken.class,
                t -> assertThat(t.result()).isInstanceOf(IntakeResult.Handled.class));
        assertThat(replay).isInstanceOfSatisfying(WebhookOutcome.Taken.class,
                t -> assertThat(t.result()).isInstanceOf(IntakeResult.AlreadyHandled.class));
        assertThat(world.psa().notes(ticket)).hasSize(1);
    }

    @Test
    void checkingOnlyNamesTheTicketAndTakesNothingIn() {
        String ticket = aTicket();

        assertThat(service.check(world.mspId(), "connectwise", delivery("shared-secret", ticket)))
                .isEqualTo(new WebhookOutcome.Accepted(ticket));
        assertThat(world.psa().notes(ticket)).isEmpty();
    }
}
