package dev.steward.adapter.web.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.adapter.web.TestServer;
import dev.steward.application.ticket.IntakeTicketCommand;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PsaWebhookRoutesTest {

    private TestServer server;
    private String path;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.core.psaWebhooks.register(server.msp.id(), "connectwise", "s3cret");
        path = "/hooks/psa/" + server.msp.id() + "/connectwise";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anAuthenticDeliveryIsAcceptedAtOnceAndItsTicketTakenIn() {
        HttpResponse<String> response = server.raw("POST", path, BodyPublishers.ofString("{\"ticketId\":\"51001\"}"),
                "Content-Type", "application/json", "X-Steward-Secret", "s3cret");

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.core.intakes)
                .containsExactly(new IntakeTicketCommand(server.msp.id(), "connectwise", "51001")));
    }

    @Test
    void aForgedDeliveryIsRefusedWithoutDetailsAndTakesNothingIn() {
        HttpResponse<String> response = server.raw("POST", path, BodyPublishers.ofString("{\"ticketId\":\"51001\"}"),
                "Content-Type", "application/json", "X-Steward-Secret", "guess");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("s3cret").doesNotContain("shared secret");
        assertThat(server.core.intakes).isEmpty();
    }

    @Test
    void anAuthenticDeliveryAboutNoTicketIsAnsweredWithNoContent() {
        HttpResponse<String> response = server.raw("POST", path, BodyPublishers.ofString("{\"entity\":\"company\"}"),
                "Content-Type", "application/json", "X-Steward-Secret", "s3cret");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(server.core.intakes).isEmpty();
    }

    @Test
    void anUnknownOrMalformedMspGetsTheSameRefusalAsAForgery() {
        for (String msp : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            HttpResponse<String> response = server.raw("POST", "/hooks/psa/" + msp + "/connectwise",
                    BodyPublishers.ofString("{\"ticketId\":\"1\"}"), "X-Steward-Secret", "s3cret");
            assertThat(response.statusCode()).isEqualTo(401);
        }
        assertThat(server.core.intakes).isEmpty();
    }
}
